package dev.loupe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.issue.DraftOptions;
import dev.loupe.issue.IssueDraft;
import dev.loupe.issue.IssueDrafter;
import dev.loupe.issue.IssueForms;
import dev.loupe.issue.IssueTemplate;
import dev.loupe.issue.IssueTemplateException;
import dev.loupe.issue.Reproducer;
import dev.loupe.issue.ReproducerException;
import dev.loupe.issue.ReproducerReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

@Command(name = "issue", mixinStandardHelpOptions = true,
        description = "Draft GitHub issues from reproducers, and write GitHub issue forms.",
        subcommands = {IssueCommand.Draft.class, IssueCommand.Forms.class},
        footer = {"", "Examples:", "  loupe issue draft out/repro --repo tursodatabase/turso",
                "  loupe issue forms -o .github/ISSUE_TEMPLATE",
                "", "Exit codes: 0 ok, 2 usage error, 3 reproducer or template unreadable."})
final class IssueCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCode.USAGE;
    }

    @Command(name = "draft", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Turn a reproducer directory (from 'loupe repro sql' or 'loupe repro file') into a GitHub"
                    + " issue draft: writes DIR/issue.md (the body) and DIR/regression-test.sql, and prints the"
                    + " title, labels, deduplication key and the 'gh issue create' command that would post it."
                    + " Nothing is posted: the command is printed, never run.",
            footer = {"", "Examples:", "  loupe issue draft out/repro",
                    "  loupe issue draft out/repro --repo tursodatabase/turso",
                    "  loupe issue draft out/repro --template my-issue.md.mustache --print",
                    "  loupe issue draft out/repro --format json",
                    "", "Templates are Mustache; the variables are listed in docs/cli.md.",
                    "", "Exit codes: 0 drafted, 2 usage error (bad --repo, bad template), 3 DIR or the template"
                    + " unreadable."})
    static final class Draft implements Callable<Integer> {

        private static final Pattern REPO = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+");

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "A reproducer directory (reproducer.json and"
                + " repro.sql or repro.db).")
        Path dir;

        @Option(names = "--repo", paramLabel = "OWNER/NAME",
                description = "The repository the gh command posts to (default: gh's, from the current folder).")
        String repo;

        @Option(names = "--template", paramLabel = "FILE",
                description = "A Mustache template for the body, replacing the built-in one.")
        Path template;

        @Option(names = "--print", description = "Print the body to stdout instead of writing files.")
        boolean print;

        @Mixin
        FormatOption format;

        @Override
        public Integer call() throws IOException {
            boolean json = format.json();
            if (repo != null && !REPO.matcher(repo).matches()) {
                throw new UserError(ExitCode.USAGE, "--repo must be OWNER/NAME, not '" + repo + "'");
            }
            IssueTemplate t = template();
            Reproducer r;
            try {
                r = ReproducerReader.read(dir);
            } catch (ReproducerException e) {
                throw new UserError(ExitCode.UNREADABLE, e.getMessage());
            }
            Path body = dir.resolve("issue.md");
            Path test = dir.resolve("regression-test.sql");
            IssueDraft d;
            try {
                d = IssueDrafter.draft(r, new DraftOptions(repo, body.toString(), DraftOptions.thisOs(),
                        Version.number(), t));
            } catch (IssueTemplateException e) {
                throw new UserError(ExitCode.USAGE, e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            if (print) {
                out.print(d.body());
                out.flush();
                return ExitCode.OK;
            }
            Files.writeString(body, d.body(), StandardCharsets.UTF_8);
            Files.writeString(test, d.regressionTest(), StandardCharsets.UTF_8);
            if (json) {
                ObjectNode root = JsonValues.NODES.objectNode();
                root.put("title", d.title());
                ArrayNode labels = root.putArray("labels");
                d.labels().forEach(labels::add);
                root.put("dedupKey", d.dedupKey()).put("fingerprint", d.fingerprint())
                        .put("bodyFile", body.toString()).put("regressionTestFile", test.toString());
                ArrayNode args = root.putArray("ghArguments");
                d.gh().arguments().forEach(args::add);
                root.put("ghCommand", d.gh().shellLine());
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
            } else {
                out.println("Title:            " + d.title());
                out.println("Labels:           " + String.join(", ", d.labels()));
                out.println("Dedup key:        loupe-dedup:" + d.dedupKey() + "  (search for it before posting)");
                out.println("Body:             " + body);
                out.println("Regression test:  " + test);
                out.println();
                out.println("To post it (not run by Loupe):");
                out.println(d.gh().shellLine());
            }
            out.flush();
            return ExitCode.OK;
        }

        private IssueTemplate template() {
            if (template == null) {
                return IssueTemplate.builtIn();
            }
            if (!Files.isRegularFile(template)) {
                throw new UserError(ExitCode.UNREADABLE, template + ": no such template file");
            }
            try {
                return IssueTemplate.parse(template.toString(), Files.readString(template, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UserError(ExitCode.UNREADABLE, template + ": " + e.getMessage());
            } catch (IssueTemplateException e) {
                throw new UserError(ExitCode.USAGE, e.getMessage());
            }
        }
    }

    @Command(name = "forms", mixinStandardHelpOptions = true,
            description = "Write GitHub issue forms (YAML) for corruption and SQLite-compatibility reports into a"
                    + " folder, typically your repository's .github/ISSUE_TEMPLATE. Existing files of the same names"
                    + " are replaced.",
            footer = {"", "Examples:", "  loupe issue forms -o .github/ISSUE_TEMPLATE",
                    "", "Exit codes: 0 written, 2 usage error, 3 the folder cannot be written."})
    static final class Forms implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
                description = "The folder to write the forms into (created if missing).")
        Path output;

        @Mixin
        FormatOption format;

        @Override
        public Integer call() {
            boolean json = format.json();
            List<Path> written;
            try {
                written = IssueForms.write(output);
            } catch (IOException e) {
                throw new UserError(ExitCode.UNREADABLE, output + ": cannot write: " + e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ArrayNode files = JsonValues.NODES.arrayNode();
                written.forEach(p -> files.add(p.toString()));
                ObjectNode root = JsonValues.NODES.objectNode();
                root.set("files", files);
                out.println(root.toPrettyString());
            } else {
                written.forEach(p -> out.println("wrote " + p));
            }
            out.flush();
            return ExitCode.OK;
        }
    }
}
