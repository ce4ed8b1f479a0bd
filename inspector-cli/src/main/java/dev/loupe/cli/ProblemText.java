package dev.loupe.cli;

import dev.loupe.format.Problem;

import java.io.PrintWriter;
import java.util.Collection;

/** The "Problems" section that ends the text output of the page-level commands. */
final class ProblemText {

    private ProblemText() {
    }

    static void print(PrintWriter out, Collection<Problem> problems) {
        print(out, problems, Style.PLAIN);
    }

    static void print(PrintWriter out, Collection<Problem> problems, Style style) {
        if (problems.isEmpty()) {
            out.println(style.heading("Problems") + "   none");
            return;
        }
        out.printf("%s   %d%n", style.heading("Problems"), problems.size());
        for (Problem p : problems) {
            out.println(line(p, style));
        }
    }

    /** One problem as an indented line: code, where, message; coloured by how bad its kind is. */
    static String line(Problem p, Style style) {
        return style.problem(p.kind(), String.format("  %-22s %-22s %s", p.kind().code(), p.span(), p.message()));
    }
}
