package dev.loupe.cli;

import dev.loupe.format.OpenOptions;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs shell lines as piped input (no terminal) and captures what the shell prints. */
record ShellTestSupport(int exitCode, String out, String err) {

    static ShellTestSupport pipe(Path db, String script) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (Session session = Session.open(db, OpenOptions.defaults())) {
            Shell shell = new Shell(session, new PrintWriter(out), new PrintWriter(err));
            int code = shell.runScript(new BufferedReader(new StringReader(script)));
            return new ShellTestSupport(code, out.toString(), err.toString());
        }
    }
}
