package dev.loupe.repro.engine;

import dev.loupe.repro.sql.Script;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The differential corpus (corpus.sql) and a readable account of where two runs differ. */
final class Corpus {

    private Corpus() {
    }

    static Script script() {
        try (InputStream in = Corpus.class.getResourceAsStream("corpus.sql")) {
            return Script.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Equal rows, or errors of the same class and message (the shell prints no code for parse errors). */
    static boolean exactlySame(Outcome x, Outcome y) {
        if (x instanceof Outcome.Error e && y instanceof Outcome.Error f) {
            return e.errorClass() == f.errorClass() && e.message().equals(f.message());
        }
        return x.equals(y);
    }

    /** One line per statement where the outcomes are not {@code sameAs} each other (or, with exact, not equal). */
    static List<String> differences(Script script, RunResult a, RunResult b, boolean exact) {
        List<String> out = new ArrayList<>();
        int n = Math.max(a.outcomes().size(), b.outcomes().size());
        for (int i = 0; i < n; i++) {
            Outcome x = i < a.outcomes().size() ? a.outcomes().get(i) : null;
            Outcome y = i < b.outcomes().size() ? b.outcomes().get(i) : null;
            boolean same = x != null && y != null && (exact ? exactlySame(x, y) : x.sameAs(y));
            if (!same) {
                out.add("#" + (i + 1) + " " + script.statements().get(i).sql().replace('\n', ' ') + "\n    "
                        + a.engine() + ": " + x + "\n    " + b.engine() + ": " + y);
            }
        }
        return out;
    }
}
