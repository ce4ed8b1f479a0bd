package dev.loupe.repro.engine;

import dev.loupe.repro.sql.Script;
import dev.loupe.repro.sql.Statement;
import org.sqlite.SQLiteException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * SQLite in-process through sqlite-jdbc: the reference engine. Each value's storage class is the one SQLite
 * reports for that value (sqlite-jdbc's getObject follows sqlite3_column_type), not the column's declared type.
 * Each statement runs with its terminating semicolon, as the sqlite3 shell and Turso receive it (so that "SELECT 1 +"
 * fails at the ';' on every engine). The time limit interrupts the running statement (sqlite3_interrupt); the output limit counts the bytes of the
 * values held.
 */
public final class SqliteEngine implements Engine {

    public static final String NAME = "sqlite";

    private volatile String version;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        String v = version;
        if (v == null) {
            v = askVersion();
            version = v;
        }
        return v;
    }

    private static String askVersion() {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
             var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT sqlite_version()")) {
            return rs.next() ? rs.getString(1) : "unknown";
        } catch (SQLException e) {
            return "unknown";
        }
    }

    @Override
    public boolean available() {
        return !version().equals("unknown");
    }

    @Override
    public RunResult run(Script script, Path database, Limits limits) {
        List<Outcome> outcomes = new ArrayList<>();
        String url = "jdbc:sqlite:" + (database == null ? ":memory:" : database.toAbsolutePath());
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "loupe-sqlite-watchdog");
            t.setDaemon(true);
            return t;
        });
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        long[] budget = {limits.maxOutputBytes()};
        try (Connection c = DriverManager.getConnection(url)) {
            for (Statement s : script.statements()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    outcomes.add(new Outcome.Aborted(Abort.of(Abort.Kind.TIMEOUT, "time limit "
                            + limits.timeout() + " reached")));
                    break;
                }
                Outcome o = runOne(c, s.sql() + ";", watchdog, left, budget, limits);
                outcomes.add(o);
                if (o instanceof Outcome.Aborted) {
                    break;
                }
            }
        } catch (SQLException e) {
            outcomes.add(new Outcome.Aborted(Abort.of(Abort.Kind.CRASH, "cannot open " + url + ": "
                    + e.getMessage())));
        } finally {
            watchdog.shutdownNow();
        }
        return new RunResult(NAME, version(), outcomes);
    }

    private static Outcome runOne(Connection c, String sql, ScheduledExecutorService watchdog, long nanosLeft,
                                  long[] budget, Limits limits) {
        AtomicBoolean timedOut = new AtomicBoolean();
        try (java.sql.Statement st = c.createStatement()) {
            ScheduledFuture<?> alarm = watchdog.schedule(() -> {
                timedOut.set(true);
                try {
                    st.cancel();
                } catch (SQLException ignored) {
                    // the statement finished meanwhile
                }
            }, nanosLeft, TimeUnit.NANOSECONDS);
            try {
                if (!st.execute(sql)) {
                    return Outcome.Rows.NONE;
                }
                try (ResultSet rs = st.getResultSet()) {
                    ResultSetMetaData md = rs.getMetaData();
                    int n = md.getColumnCount();
                    List<String> columns = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        columns.add(md.getColumnLabel(i));
                    }
                    List<List<Value>> rows = new ArrayList<>();
                    while (rs.next()) {
                        List<Value> row = new ArrayList<>(n);
                        for (int i = 1; i <= n; i++) {
                            Value v = value(rs.getObject(i));
                            budget[0] -= size(v);
                            row.add(v);
                        }
                        if (budget[0] < 0) {
                            return new Outcome.Aborted(Abort.of(Abort.Kind.OUTPUT_LIMIT, "output limit of "
                                    + limits.maxOutputBytes() + " bytes reached"));
                        }
                        rows.add(row);
                    }
                    return new Outcome.Rows(columns, rows);
                }
            } finally {
                alarm.cancel(false);
            }
        } catch (SQLException e) {
            if (timedOut.get()) {
                return new Outcome.Aborted(Abort.of(Abort.Kind.TIMEOUT, "time limit " + limits.timeout()
                        + " reached"));
            }
            return error(e);
        }
    }

    static Outcome.Error error(SQLException e) {
        int code = e instanceof SQLiteException se ? se.getResultCode().code : e.getErrorCode();
        String message = sqliteMessage(e.getMessage());
        return new Outcome.Error(ErrorClass.of(code, message), message, code);
    }

    /** sqlite-jdbc says "[SQLITE_ERROR] SQL error or missing database (no such table: t)": keep SQLite's part. */
    static String sqliteMessage(String jdbcMessage) {
        if (jdbcMessage == null) {
            return "";
        }
        if (jdbcMessage.startsWith("[") && jdbcMessage.endsWith(")")) {
            int open = jdbcMessage.indexOf(" (");
            if (open > 0) {
                return jdbcMessage.substring(open + 2, jdbcMessage.length() - 1);
            }
        }
        return jdbcMessage;
    }

    static Value value(Object o) {
        if (o == null) {
            return Value.NULL;
        }
        if (o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte) {
            return new Value.Int(((Number) o).longValue());
        }
        if (o instanceof Double || o instanceof Float) {
            return new Value.Real(((Number) o).doubleValue());
        }
        if (o instanceof byte[] b) {
            return new Value.Blob(b);
        }
        return new Value.Text(o.toString());
    }

    static long size(Value v) {
        if (v instanceof Value.Text t) {
            return t.value().getBytes(StandardCharsets.UTF_8).length + 2L;
        }
        return v instanceof Value.Blob b ? b.length() * 2L + 3 : 8;
    }
}
