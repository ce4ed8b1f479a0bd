package dev.loupe.issue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gh line, run through real POSIX shells, hands gh exactly its arguments whatever the title holds. */
class ShellQuoteTest {

    static final List<String> NASTY = List.of(
            "plain", "", " ", "it's", "''", "\"double\"", "$HOME", "${PATH}", "$(touch /tmp/loupe-pwned)",
            "`touch /tmp/loupe-pwned`", "back\\slash\\", "line\nbreak\n", "\ttab", "ünïcödé ✓ 🐛", "-dash",
            "--title", "a;b|c&d>e<f", "*?[a]", "~user", "#hash", "!bang", "%s %n", "=x", "a'b\"c`d$e\\f\ng");

    @Test
    void everyNastyTitleSurvivesEveryShell() throws Exception {
        for (String shell : shells()) {
            for (String title : NASTY) {
                GhCommand gh = new GhCommand("owner/repo", title, "dir with space/issue.md",
                        List.of("bug", "file format"));
                assertThat(parseBack(shell, gh.shellLine())).as("%s: %s", shell, title).isEqualTo(gh.arguments());
            }
        }
        assertThat(Path.of("/tmp/loupe-pwned")).doesNotExist();
    }

    @Test
    void allAtOnceAndWithoutRepo() throws Exception {
        List<String> words = new ArrayList<>(NASTY);
        assertThat(parseBack("sh", ShellQuote.line(words))).isEqualTo(words);
        GhCommand gh = new GhCommand(null, "Wrong result: x", "issue.md", List.of());
        assertThat(gh.arguments()).containsExactly("gh", "issue", "create", "--title", "Wrong result: x",
                "--body-file", "issue.md");
        assertThat(gh.shellLine()).isEqualTo("gh issue create --title 'Wrong result: x' --body-file issue.md");
    }

    @Test
    void quotesOnlyWhatNeedsIt() {
        assertThat(ShellQuote.word("tursodatabase/turso")).isEqualTo("tursodatabase/turso");
        assertThat(ShellQuote.word("it's")).isEqualTo("'it'\\''s'");
        assertThat(ShellQuote.word("")).isEqualTo("''");
        assertThatThrownBy(() -> ShellQuote.word("nul\0")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Installed POSIX shells: sh (dash on Debian) always, bash when present. */
    static List<String> shells() {
        List<String> s = new ArrayList<>(List.of("sh"));
        for (String p : List.of("/bin/bash", "/bin/dash")) {
            if (Files.isExecutable(Path.of(p))) {
                s.add(p);
            }
        }
        return s;
    }

    /** {@code SHELL -c 'printf "%s\0" "$@"' _ LINE}: the words the shell makes of the line, NUL-separated. */
    static List<String> parseBack(String shell, String line) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(shell, "-c", "printf '%s\\0' " + line).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        String s = new String(out, StandardCharsets.UTF_8);
        assertThat(s).endsWith("\0");
        return Arrays.asList(s.substring(0, s.length() - 1).split("\0", -1));
    }
}
