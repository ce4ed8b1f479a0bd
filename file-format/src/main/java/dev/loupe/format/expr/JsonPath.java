package dev.loupe.format.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * A JSON path as SQLite's JSON functions read it (json1.html, "PATH arguments"): {@code $} followed by steps
 * {@code .key}, {@code ."key"}, {@code [N]} and {@code [#-N]}. Only the paths SQLite 3.40 and later versions read
 * alike are taken; any other is {@link NotEvaluableException not evaluable}: a syntax error (an error in SQLite, so
 * no row SQLite wrote holds a value computed from it), an empty key ({@code $.} is NULL in 3.40, an error later), a
 * key with a backslash (3.40 matches escapes as written, later versions undone), an index of more than nine digits.
 */
record JsonPath(List<Step> steps) {

    sealed interface Step {
    }

    /** An object member by key; the first member with that key, as SQLite takes it. */
    record Key(String key) implements Step {
    }

    /** An array element counted from the start. */
    record Index(int index) implements Step {
    }

    /** An array element counted from the end: {@code [#-1]} is the last; {@code [#]} (0) is past it. */
    record FromEnd(int count) implements Step {
    }

    static JsonPath parse(String path) {
        if (path.isEmpty() || path.charAt(0) != '$') {
            throw notEvaluable(path);
        }
        List<Step> steps = new ArrayList<>();
        int i = 1;
        int n = path.length();
        while (i < n) {
            char c = path.charAt(i);
            if (c == '.') {
                i++;
                String key;
                if (i < n && path.charAt(i) == '"') {
                    int close = path.indexOf('"', i + 1);
                    if (close < 0) {
                        throw notEvaluable(path);
                    }
                    key = path.substring(i + 1, close);
                    i = close + 1;
                } else {
                    int end = i;
                    while (end < n && path.charAt(end) != '.' && path.charAt(end) != '[') {
                        end++;
                    }
                    key = path.substring(i, end);
                    if (key.isEmpty()) {
                        throw notEvaluable(path);
                    }
                    i = end;
                }
                if (key.indexOf('\\') >= 0) {
                    throw notEvaluable(path);
                }
                steps.add(new Key(key));
            } else if (c == '[') {
                i++;
                boolean fromEnd = i < n && path.charAt(i) == '#';
                if (fromEnd) {
                    i++;
                    if (i < n && path.charAt(i) == ']') {
                        steps.add(new FromEnd(0));
                        i++;
                        continue;
                    }
                    if (i >= n || path.charAt(i) != '-') {
                        throw notEvaluable(path);
                    }
                    i++;
                }
                int start = i;
                while (i < n && path.charAt(i) >= '0' && path.charAt(i) <= '9') {
                    i++;
                }
                if (i == start || i - start > 9 || i >= n || path.charAt(i) != ']') {
                    throw notEvaluable(path);
                }
                int number = Integer.parseInt(path.substring(start, i));
                i++;
                steps.add(fromEnd ? new FromEnd(number) : new Index(number));
            } else {
                throw notEvaluable(path);
            }
        }
        return new JsonPath(steps);
    }

    /**
     * The value the path leads to in {@code root}, or null when it leads nowhere (a missing key or element, a step
     * into a value of the wrong kind): SQL NULL for SQLite.
     */
    JsonNode find(JsonNode root) {
        JsonNode at = root;
        for (Step step : steps) {
            at = step(at, step);
            if (at == null) {
                return null;
            }
        }
        return at;
    }

    private static JsonNode step(JsonNode at, Step step) {
        if (step instanceof Key k) {
            if (!(at instanceof JsonNode.Obj o)) {
                return null;
            }
            for (JsonNode.Member m : o.members()) {
                if (m.rawKey().indexOf('\\') >= 0) {
                    // SQLite 3.40 compares a key as written (so this one, with its backslash, never matches a path's
                    // key, which has none), later versions with its escapes undone
                    if (JsonFunctions.unescape(m.rawKey(), true).equals(k.key())) {
                        throw new NotEvaluableException("JSON object key with an escape: \"" + m.rawKey() + "\"");
                    }
                    continue;
                }
                if (m.rawKey().equals(k.key())) {
                    return m.value();
                }
            }
            return null;
        }
        if (!(at instanceof JsonNode.Arr a)) {
            return null;
        }
        int size = a.elements().size();
        int index = step instanceof Index x ? x.index() : size - ((FromEnd) step).count();
        boolean inside = step instanceof Index ? index < size : ((FromEnd) step).count() >= 1 && index >= 0;
        return inside ? a.elements().get(index) : null;
    }

    private static NotEvaluableException notEvaluable(String path) {
        return new NotEvaluableException("JSON path not evaluated: '" + path + "'");
    }
}
