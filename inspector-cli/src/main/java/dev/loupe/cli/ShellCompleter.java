package dev.loupe.cli;

import dev.loupe.format.schema.Index;
import dev.loupe.format.schema.Table;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import java.io.IOException;
import java.util.List;

/** Tab completion in the shell: command names, then table/index names (rows, tree, find) or page numbers (page). */
final class ShellCompleter implements Completer {

    /** At most this many page numbers are offered; type more digits to narrow. */
    private static final int MAX_PAGES = 200;

    private final Shell shell;

    ShellCompleter(Shell shell) {
        this.shell = shell;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (line.wordIndex() == 0) {
            Shell.FILE_COMMANDS.forEach(c -> candidates.add(new Candidate(c)));
            Shell.SHELL_COMMANDS.forEach(c -> candidates.add(new Candidate(c)));
            return;
        }
        if (line.wordIndex() != 1) {
            return;
        }
        String command = line.words().get(0);
        switch (command) {
            case "rows", "tree", "find" -> names(candidates);
            case "page", "cell", "hexdump" -> pages(line.word(), candidates);
            case ".format" -> List.of("text", "json").forEach(f -> candidates.add(new Candidate(f)));
            default -> { }
        }
    }

    private void names(List<Candidate> candidates) {
        try {
            for (Table t : shell.session().database().schema().tables()) {
                candidates.add(new Candidate(t.name()));
            }
            for (Index i : shell.session().database().schema().indexes()) {
                candidates.add(new Candidate(i.name()));
            }
        } catch (IOException e) {
            // an unreadable schema offers no names; the command itself will report it
        }
    }

    private void pages(String prefix, List<Candidate> candidates) {
        long count = shell.session().database().pageCount();
        if (!prefix.isEmpty() && !prefix.chars().allMatch(Character::isDigit)) {
            return;
        }
        // Numbers starting with the typed digits: the prefix itself, then prefix*10..prefix*10+9, and so on.
        long lo = prefix.isEmpty() ? 1 : Long.parseLong(prefix);
        long hi = lo;
        int added = 0;
        while (lo <= count && added < MAX_PAGES) {
            for (long p = lo; p <= Math.min(hi, count) && added < MAX_PAGES; p++) {
                candidates.add(new Candidate(Long.toString(p)));
                added++;
            }
            if (prefix.isEmpty() && lo == 1 && hi == 1) {
                lo = 2;
                hi = 9;
                continue;
            }
            lo = lo * 10;
            hi = hi * 10 + 9;
        }
    }
}
