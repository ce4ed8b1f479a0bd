package dev.loupe.check.values;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Real SQLite on copies of a test database: the sqlite3 3.40.1 CLI's and sqlite-jdbc's (3.54.1) PRAGMA
 * integrity_check, and a per-row oracle that asks SQLite which rows break each rule (typeof(), SQLite's own
 * NUMERIC affinity on a probe column, the CHECK expressions evaluated by SQLite), so rowids can be compared too.
 */
final class SqliteSide {

    private SqliteSide() {
    }

    /** Creates {@code file} by running {@code setup}, then replaces table SQL in sqlite_schema ({name, sql} pairs). */
    static void build(Path file, List<String> setup, String... rewrites) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String sql : setup) {
                s.execute(sql);
            }
            if (rewrites.length > 0) {
                s.execute("PRAGMA writable_schema=ON");
                try (PreparedStatement p = c.prepareStatement("UPDATE sqlite_schema SET sql=? WHERE name=?")) {
                    for (int i = 0; i < rewrites.length; i += 2) {
                        p.setString(1, rewrites[i + 1]);
                        p.setString(2, rewrites[i]);
                        if (p.executeUpdate() != 1) {
                            throw new IllegalStateException("no table " + rewrites[i]);
                        }
                    }
                }
                s.execute("PRAGMA writable_schema=OFF");
            }
        }
    }

    /** The lines the sqlite3 3.40.1 CLI prints for PRAGMA integrity_check on a copy, without "ok". */
    static List<String> cliLines(Path file, Path scratch) throws IOException, InterruptedException {
        Path copy = copy(file, scratch, "cli");
        Process p = new ProcessBuilder("/usr/bin/sqlite3", copy.toString(), "PRAGMA integrity_check;")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("sqlite3 did not finish");
        }
        List<String> lines = new ArrayList<>();
        for (String l : out.split("\n")) {
            if (!l.isEmpty() && !l.equals("ok")) {
                lines.add(l);
            }
        }
        return lines;
    }

    /** sqlite-jdbc's PRAGMA integrity_check rows on a copy, without "ok". */
    static List<String> jdbcLines(Path file, Path scratch) throws IOException, SQLException {
        Path copy = copy(file, scratch, "jdbc");
        List<String> lines = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("PRAGMA integrity_check(10000)")) {
            while (r.next()) {
                if (!r.getString(1).equals("ok")) {
                    lines.add(r.getString(1));
                }
            }
        }
        return lines;
    }

    /**
     * "line|key" for every rule broken, found by asking SQLite row by row: NOT NULL and STRICT types from typeof(),
     * the affinity checks with a probe column of the affinity SQLite gives the declared type, and the CHECK
     * constraints {@code checks} (table name, expression pairs) evaluated by SQLite.
     */
    static Set<String> oracle(Path file, Path scratch, String... checks) throws IOException, SQLException {
        Path copy = copy(file, scratch, "oracle");
        Set<String> out = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE probe(x NUMERIC)");
            List<String[]> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT name, wr, strict FROM pragma_table_list WHERE schema='main'"
                    + " AND type='table' AND name NOT LIKE 'sqlite_%'")) {
                while (r.next()) {
                    tables.add(new String[]{r.getString(1), r.getString(2), r.getString(3)});
                }
            }
            for (String[] t : tables) {
                tableOracle(c, t[0], t[1].equals("1"), t[2].equals("1"), out);
            }
            for (int i = 0; i < checks.length; i += 2) {
                String table = checks[i];
                String key = keyExpression(c, table);
                try (ResultSet r = s.executeQuery("SELECT " + key + " FROM \"" + table + "\" WHERE NOT ("
                        + checks[i + 1] + ")")) {
                    while (r.next()) {
                        out.add("CHECK constraint failed in " + table + "|" + r.getString(1));
                    }
                }
            }
        }
        return out;
    }

    private static void tableOracle(Connection c, String table, boolean withoutRowid, boolean strict, Set<String> out)
            throws SQLException {
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<Boolean> notNull = new ArrayList<>();
        List<Integer> pk = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT name, type, \"notnull\", pk FROM pragma_table_xinfo('" + table
                     + "')")) {
            while (r.next()) {
                names.add(r.getString(1));
                types.add(r.getString(2));
                notNull.add(r.getInt(3) != 0);
                pk.add(r.getInt(4));
            }
        }
        long pkCount = pk.stream().filter(p -> p > 0).count();
        String key = keyExpression(c, table);
        StringBuilder select = new StringBuilder("SELECT ").append(key);
        for (String n : names) {
            select.append(", typeof(\"").append(n).append("\"), \"").append(n).append('"');
        }
        select.append(" FROM \"").append(table).append('"');
        List<String> affinity = new ArrayList<>();
        for (String type : types) {
            affinity.add(affinityOf(c, type));
        }
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(select.toString())) {
            while (r.next()) {
                String k = r.getString(1);
                for (int i = 0; i < names.size(); i++) {
                    boolean alias = !withoutRowid && pkCount == 1 && pk.get(i) == 1
                            && types.get(i).equalsIgnoreCase("INTEGER");
                    if (alias) {
                        continue;
                    }
                    String type = r.getString(2 + 2 * i);
                    String where = table + "." + names.get(i);
                    String line = null;
                    if (notNull.get(i) && type.equals("null")) {
                        line = "NULL value in " + where;
                    } else if (strict) {
                        String t = types.get(i).toUpperCase(Locale.ROOT);
                        boolean ok = switch (t) {
                            case "INT", "INTEGER" -> type.equals("integer") || type.equals("null");
                            case "REAL" -> type.equals("real") || type.equals("integer") || type.equals("null");
                            case "TEXT" -> type.equals("text") || type.equals("null");
                            case "BLOB" -> type.equals("blob") || type.equals("null");
                            default -> true;
                        };
                        line = ok ? null : "non-" + t + " value in " + where;
                    } else if (affinity.get(i).equals("TEXT")) {
                        line = type.equals("integer") || type.equals("real") ? "NUMERIC value in " + where : null;
                    } else if (!affinity.get(i).equals("BLOB") && type.equals("text")
                            && !probeType(c, r.getString(3 + 2 * i)).equals("text")) {
                        line = "TEXT value in " + where;
                    }
                    if (line != null) {
                        out.add(line + "|" + k);
                    }
                }
            }
        }
    }

    /** The affinity SQLite gives a declared type, found by storing text '1' and integer 1 in a probe column. */
    private static String affinityOf(Connection c, String type) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS temp.aff");
            s.execute("CREATE TEMP TABLE aff(x " + (type.isEmpty() ? "" : "\"" + type.replace("\"", "\"\"") + "\"")
                    + ")");
            s.execute("INSERT INTO aff VALUES('1'), (1), ('1.5')");
            try (ResultSet r = s.executeQuery("SELECT group_concat(typeof(x)) FROM aff")) {
                r.next();
                return switch (r.getString(1)) {
                    case "text,text,text" -> "TEXT";
                    case "text,integer,text" -> "BLOB";
                    case "real,real,real" -> "REAL";
                    default -> "NUMERIC";
                };
            }
        }
    }

    private static String probeType(Connection c, String text) throws SQLException {
        try (Statement s = c.createStatement(); PreparedStatement p = c.prepareStatement("INSERT INTO probe VALUES(?)")) {
            s.execute("DELETE FROM probe");
            p.setString(1, text);
            p.execute();
            try (ResultSet r = s.executeQuery("SELECT typeof(x) FROM probe")) {
                r.next();
                return r.getString(1);
            }
        }
    }

    /** "rowid", or quote() of the PRIMARY KEY columns joined with ',' for a WITHOUT ROWID table. */
    private static String keyExpression(Connection c, String table) throws SQLException {
        boolean withoutRowid;
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT wr FROM pragma_table_list WHERE schema='main' AND name='" + table
                     + "'")) {
            r.next();
            withoutRowid = r.getInt(1) == 1;
        }
        if (!withoutRowid) {
            return "rowid";
        }
        List<String> parts = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT name FROM pragma_table_xinfo('" + table + "') WHERE pk > 0"
                     + " ORDER BY pk")) {
            while (r.next()) {
                parts.add("quote(\"" + r.getString(1) + "\")");
            }
        }
        return String.join(" || ',' || ", parts);
    }

    private static Path copy(Path file, Path scratch, String tag) throws IOException {
        Path dir = Files.createDirectories(scratch.resolve(tag + "-" + System.nanoTime()));
        return Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
}
