package dev.loupe.cli;

import dev.loupe.format.Database;
import dev.loupe.format.Progress;
import dev.loupe.format.map.PageMap;

import java.io.IOException;

/**
 * A database as a command uses it: either opened for this command alone (closed with the lease) or borrowed from a
 * shell {@link Session} (left open, with the session's cached page map).
 */
final class DatabaseLease implements AutoCloseable {

    private final Database db;
    private final Session session;

    private DatabaseLease(Database db, Session session) {
        this.db = db;
        this.session = session;
    }

    static DatabaseLease owned(Database db) {
        return new DatabaseLease(db, null);
    }

    static DatabaseLease borrowed(Session session) {
        return new DatabaseLease(session.database(), session);
    }

    Database db() {
        return db;
    }

    /** The page map: the session's (built once) or a new one for this command. */
    PageMap pageMap(Progress progress) throws IOException {
        return session != null ? session.pageMap(progress) : PageMap.build(db, progress);
    }

    PageMap pageMap() throws IOException {
        return pageMap(Progress.NONE);
    }

    @Override
    public void close() {
        if (session == null) {
            Opener.closeQuietly(db);
        }
    }
}
