package dev.loupe.repro.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * A diff as text for people (what {@code loupe diff} prints and a filediff reproducer carries): differences grouped
 * by section (header, schema, each table and index, freelist, pointer map, checker), one line each
 * ("incompatible  encoding  rowid 2  column a: ..."), then A's and B's side with their page and offset; benign
 * differences listed or summed up per kind; a summary line last. Lines come without colour: {@link Line#diffClass()}
 * lets a front end colour the class word.
 */
public final class DiffText {

    /** Indent of the A:/B: lines under a difference. */
    private static final String SIDE_INDENT = "      ";

    /**
     * One line of the report.
     *
     * @param diffClass the class of the difference this line opens, or null for headings, sides and summaries
     * @param heading   true for a section heading
     * @param text      the line, without colour
     */
    public record Line(DiffClass diffClass, boolean heading, String text) {
    }

    private DiffText() {
    }

    /** The report: every listed incompatible difference, benign ones too when {@code benign}, else their counts. */
    public static List<Line> lines(FileDiff d, boolean benign) {
        List<Line> out = new ArrayList<>();
        String section = null;
        for (Difference x : d.listed()) {
            if (!benign && !x.incompatible()) {
                continue;
            }
            String h = heading(x, d);
            if (!h.equals(section)) {
                section = h;
                out.add(new Line(null, true, h));
            }
            out.add(new Line(x.diffClass(), false, "  " + pad(x.diffClass().label(), 12) + "  " + pad(x.kind().id(),
                    17) + " " + (x.key() == null ? "" : x.key() + "  ") + x.message()));
            if (!x.a().isEmpty() || !x.b().isEmpty()) {
                out.add(new Line(null, false, SIDE_INDENT + "A" + where(x.pageA(), x.offsetA()) + ": "
                        + (x.a().isEmpty() ? "-" : x.a())));
                out.add(new Line(null, false, SIDE_INDENT + "B" + where(x.pageB(), x.offsetB()) + ": "
                        + (x.b().isEmpty() ? "-" : x.b())));
            }
        }
        long listedIncompatible = d.listed().stream().filter(Difference::incompatible).count();
        long notShown = benign ? d.dropped() : d.incompatibleCount() - listedIncompatible;
        if (notShown > 0) {
            out.add(new Line(null, false, notShown + " more difference" + (notShown == 1 ? "" : "s")
                    + " not listed (raise --max)"));
        }
        if (!benign && d.benignCount() > 0) {
            StringJoiner kinds = new StringJoiner(", ");
            for (DiffCount c : d.counts()) {
                if (c.diffClass() == DiffClass.BENIGN) {
                    kinds.add(c.kind().id() + " " + c.count());
                }
            }
            out.add(new Line(null, false, "benign (--benign lists them): " + kinds));
        }
        out.add(new Line(null, false, d.summary()));
        return out;
    }

    /** The lines joined, each ended by a newline. */
    public static String plain(FileDiff d, boolean benign) {
        StringBuilder b = new StringBuilder();
        for (Line l : lines(d, benign)) {
            b.append(l.text()).append('\n');
        }
        return b.toString();
    }

    /**
     * One short line for a difference, for summaries and issue titles: "header textEncoding: 1 (UTF-8) vs 2
     * (UTF-16le)", "table t rowid 2: column a: the same value stored as ...", "checker finding cell-overlap in B only".
     */
    public static String oneLine(Difference x) {
        return switch (x.kind().section()) {
            case HEADER -> "header " + x.field() + ": " + (x.a().isEmpty() ? "-" : x.a()) + " vs "
                    + (x.b().isEmpty() ? "-" : x.b());
            case CHECK -> "checker finding " + x.field() + " in " + (x.a().isEmpty() ? "B" : "A") + " only";
            case OBJECT -> x.object() + (x.key() == null ? "" : " " + x.key()) + ": " + x.message();
            default -> x.message();
        };
    }

    private static String heading(Difference x, FileDiff d) {
        return switch (x.kind().section()) {
            case HEADER -> "header";
            case SCHEMA -> "schema";
            case OBJECT -> d.object(x.object() == null ? "" : x.object())
                    .map(o -> (o.type().equals("index") ? "index " : "table ") + o.object())
                    .orElse("object " + x.object());
            case FREELIST -> "freelist";
            case PTRMAP -> "pointer map";
            case CHECK -> "checker findings";
        };
    }

    /** " page 2 @4071", " @56" for header bytes, "" when there is no place. */
    private static String where(long page, long offset) {
        if (page <= 0) {
            return "";
        }
        return " page " + page + (offset >= 0 ? " @" + offset : "");
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
