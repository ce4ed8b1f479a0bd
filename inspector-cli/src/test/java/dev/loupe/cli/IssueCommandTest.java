package dev.loupe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** `loupe issue draft` and `loupe issue forms`: files written, the gh line safe for sh, and bad input. */
class IssueCommandTest {

    @TempDir
    Path tmp;

    Path repro;

    /** A reproducer directory as `loupe repro sql` writes it, with a title full of shell metacharacters. */
    @BeforeEach
    void reproducer() throws Exception {
        repro = tmp.resolve("repro dir");
        Files.createDirectories(repro.resolve("outputs"));
        Files.writeString(repro.resolve("reproducer.json"), """
                {"kind": "sql", "loupeVersion": "0.1.0", "created": "2026-11-22T03:00:00Z",
                 "engines": [{"name": "sqlite", "version": "3.54.1"}, {"name": "turso", "version": "0.7.2"}],
                 "reference": "sqlite", "oracle": "diff",
                 "failure": {"class": "wrong-result", "statementIndex": 0, "statementClass": "SELECT",
                   "summary": "x'00' column named `$(id)` and 'it''s' \\"odd\\" ✓"},
                 "original": {"statements": 200, "bytes": 5000, "pages": null},
                 "reduced": {"statements": 1, "bytes": 13, "pages": null}, "steps": 10, "millis": 100,
                 "outcomes": {"sqlite": {"rows": []}, "turso": {"rows": []}}, "finding": null}
                """);
        Files.writeString(repro.resolve("repro.sql"), "SELECT x'00';\n");
        Files.writeString(repro.resolve("outputs/sqlite.txt"), "x'00'\n");
        Files.writeString(repro.resolve("outputs/turso.txt"), "X'00'\n");
    }

    @Test
    void draftWritesBodyAndTestAndPrintsASafeGhLine() throws Exception {
        Cli r = Cli.run("issue", "draft", repro.toString(), "--repo", "tursodatabase/turso");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String body = Files.readString(repro.resolve("issue.md"));
        assertThat(body).contains("## Environment").contains("sqlite3 :memory: < repro.sql").contains("X'00'");
        assertThat(Files.readString(repro.resolve("regression-test.sql"))).contains("SELECT x'00';\n-- Expected");
        String line = r.out().lines().filter(l -> l.startsWith("gh issue create")).findFirst().orElseThrow();
        List<String> args = parseBack(line);
        assertThat(args).containsExactly("gh", "issue", "create", "--repo", "tursodatabase/turso", "--title",
                "Wrong result: x'00' column named `$(id)` and 'it''s' \"odd\" ✓", "--body-file",
                repro.resolve("issue.md").toString(), "--label", "bug", "--label", "compatibility", "--label",
                "wrong-result");

        Cli j = Cli.run("issue", "draft", repro.toString(), "--format", "json");
        assertThat(j.exitCode()).isZero();
        JsonNode root = new ObjectMapper().readTree(j.out());
        assertThat(root.path("dedupKey").asText()).hasSize(16);
        List<String> ghArgs = new ArrayList<>();
        root.path("ghArguments").forEach(a -> ghArgs.add(a.asText()));
        assertThat(parseBack(root.path("ghCommand").asText())).isEqualTo(ghArgs).doesNotContain("--repo");

        Cli p = Cli.run("issue", "draft", repro.toString(), "--print");
        assertThat(p.out()).isEqualTo(body);
    }

    @Test
    void customTemplateAndBadInput() throws Exception {
        Path t = tmp.resolve("t.mustache");
        Files.writeString(t, "{{title}} / {{dedupKey}}\n");
        Cli r = Cli.run("issue", "draft", repro.toString(), "--template", t.toString(), "--print");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Wrong result: x'00'").matches("(?s).* / [0-9a-f]{16}\n");

        Files.writeString(t, "{{nosuch}}");
        Cli bad = Cli.run("issue", "draft", repro.toString(), "--template", t.toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).startsWith("loupe: ").contains("nosuch").doesNotContain("Exception");
        assertThat(Cli.run("issue", "draft", repro.toString(), "--template", "missing.mustache").exitCode())
                .isEqualTo(ExitCode.UNREADABLE);
        assertThat(Cli.run("issue", "draft", repro.toString(), "--repo", "not a repo").exitCode())
                .isEqualTo(ExitCode.USAGE);
        Cli missing = Cli.run("issue", "draft", tmp.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.UNREADABLE);
        assertThat(missing.err()).contains("no such directory");
        assertThat(Cli.run("issue", "draft", tmp.toString()).exitCode()).isEqualTo(ExitCode.UNREADABLE);
    }

    @Test
    void formsAreWritten() throws Exception {
        Path out = tmp.resolve(".github/ISSUE_TEMPLATE");
        Cli r = Cli.run("issue", "forms", "-o", out.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(out.resolve("loupe-corruption.yml")).exists();
        assertThat(Files.readString(out.resolve("loupe-compatibility.yml"))).startsWith("name: ");
        assertThat(r.out()).contains("wrote ");
        assertThat(Cli.run("issue", "forms").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    /** {@code sh -c 'printf "%s\0" "$@"' _ LINE-WITHOUT-ITS-PROGRAM}: the arguments sh makes of the line. */
    static List<String> parseBack(String line) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "printf '%s\\0' " + line).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String s = new String(out, StandardCharsets.UTF_8);
        return Arrays.asList(s.substring(0, s.length() - 1).split("\0", -1));
    }
}
