package dev.loupe.format.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * A LIKE or GLOB pattern (lang_expr "The LIKE, GLOB, REGEXP, MATCH operators"). LIKE: % any run, _ one character,
 * the ESCAPE character makes the next one literal, ASCII letters match either case. GLOB: * any run, ? one
 * character, [...] and [^...] sets with ranges (a ']' first in the set is literal), case-sensitive. A pattern
 * SQLite cannot match at all (an unclosed set, an escape at the end) matches nothing.
 */
final class Pattern {

    private enum Kind { ANY_RUN, ANY_ONE, LITERAL, SET }

    private record Piece(Kind kind, int c, int[] ranges, boolean invert) {
    }

    private final List<Piece> pieces;
    private final boolean noCase;
    private final boolean neverMatches;

    private Pattern(List<Piece> pieces, boolean noCase, boolean neverMatches) {
        this.pieces = pieces;
        this.noCase = noCase;
        this.neverMatches = neverMatches;
    }

    static Pattern like(String pattern, Integer escape) {
        List<Piece> out = new ArrayList<>();
        int[] cps = pattern.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (c == '%') {
                out.add(new Piece(Kind.ANY_RUN, 0, null, false));
            } else if (c == '_') {
                out.add(new Piece(Kind.ANY_ONE, 0, null, false));
            } else if (escape != null && c == escape) {
                if (i + 1 >= cps.length) {
                    return new Pattern(out, true, true);
                }
                out.add(new Piece(Kind.LITERAL, cps[++i], null, false));
            } else {
                out.add(new Piece(Kind.LITERAL, c, null, false));
            }
        }
        return new Pattern(out, true, false);
    }

    static Pattern glob(String pattern) {
        List<Piece> out = new ArrayList<>();
        int[] cps = pattern.codePoints().toArray();
        int i = 0;
        while (i < cps.length) {
            int c = cps[i++];
            if (c == '*') {
                out.add(new Piece(Kind.ANY_RUN, 0, null, false));
            } else if (c == '?') {
                out.add(new Piece(Kind.ANY_ONE, 0, null, false));
            } else if (c == '[') {
                boolean invert = false;
                List<Integer> ranges = new ArrayList<>();
                if (i < cps.length && cps[i] == '^') {
                    invert = true;
                    i++;
                }
                if (i < cps.length && cps[i] == ']') {
                    ranges.add((int) ']');
                    ranges.add((int) ']');
                    i++;
                }
                int prior = 0;
                while (i < cps.length && cps[i] != ']') {
                    int c2 = cps[i++];
                    if (c2 == '-' && i < cps.length && cps[i] != ']' && prior > 0) {
                        int hi = cps[i++];
                        ranges.add(prior);
                        ranges.add(hi);
                        prior = 0;
                    } else {
                        ranges.add(c2);
                        ranges.add(c2);
                        prior = c2;
                    }
                }
                if (i >= cps.length) {
                    return new Pattern(out, false, true);
                }
                i++;
                out.add(new Piece(Kind.SET, 0, ranges.stream().mapToInt(Integer::intValue).toArray(), invert));
            } else {
                out.add(new Piece(Kind.LITERAL, c, null, false));
            }
        }
        return new Pattern(out, false, false);
    }

    boolean matches(String text) {
        if (neverMatches) {
            return false;
        }
        int[] s = text.codePoints().toArray();
        boolean[][] failed = new boolean[pieces.size() + 1][s.length + 1];
        return match(0, 0, s, failed);
    }

    private boolean match(int p, int i, int[] s, boolean[][] failed) {
        while (true) {
            if (failed[p][i]) {
                return false;
            }
            if (p == pieces.size()) {
                return i == s.length;
            }
            Piece piece = pieces.get(p);
            if (piece.kind == Kind.ANY_RUN) {
                for (int k = i; k <= s.length; k++) {
                    if (match(p + 1, k, s, failed)) {
                        return true;
                    }
                }
                failed[p][i] = true;
                return false;
            }
            if (i == s.length || !one(piece, s[i])) {
                failed[p][i] = true;
                return false;
            }
            p++;
            i++;
        }
    }

    private boolean one(Piece piece, int c) {
        switch (piece.kind) {
            case ANY_ONE:
                return true;
            case LITERAL:
                return piece.c == c || (noCase && c < 0x80 && piece.c < 0x80 && lower(c) == lower(piece.c));
            default:
                boolean seen = false;
                for (int k = 0; k < piece.ranges.length; k += 2) {
                    seen |= piece.ranges[k] <= c && c <= piece.ranges[k + 1];
                }
                return seen != piece.invert;
        }
    }

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }
}
