package dev.loupe.cli;

import dev.loupe.format.Problem;

import java.io.PrintWriter;
import java.util.Collection;

/** The "Problems" section that ends the text output of the page-level commands. */
final class ProblemText {

    private ProblemText() {
    }

    static void print(PrintWriter out, Collection<Problem> problems) {
        if (problems.isEmpty()) {
            out.println("Problems   none");
            return;
        }
        out.printf("Problems   %d%n", problems.size());
        for (Problem p : problems) {
            out.printf("  %-22s %-22s %s%n", p.kind().code(), p.span(), p.message());
        }
    }
}
