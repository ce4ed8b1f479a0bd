package dev.loupe.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.wal.PageSummary;
import dev.loupe.wal.PageVersion;
import dev.loupe.wal.VersionStatus;
import dev.loupe.wal.WalInput;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Page versions as the wal subcommands take them ("db" or a frame number) and show them (text and JSON). */
final class WalVersions {

    private WalVersions() {
    }

    /** {@code page} must be held by the database file or some frame. */
    static long requirePage(WalInput in, long page) {
        if (page < 1 || page > in.largestPage()) {
            throw new UserError(ExitCode.USAGE, "page " + page + " is out of range: " + in.databasePath().getFileName()
                    + " and its WAL hold pages 1.." + in.largestPage());
        }
        return page;
    }

    /** Parses {@code arg} ("db" or a frame number) as a version of {@code page}, with one-line errors. */
    static PageVersion parse(WalInput in, long page, String arg, String label) {
        if ("db".equalsIgnoreCase(arg)) {
            PageVersion v = in.databaseVersion(page);
            if (v == null) {
                throw new UserError(ExitCode.USAGE, "the database file has no page " + page + " (it has "
                        + in.databaseFilePages() + " pages)" + framesHolding(in, page));
            }
            return v;
        }
        long frame;
        try {
            frame = Long.parseLong(arg);
        } catch (NumberFormatException e) {
            throw new UserError(ExitCode.USAGE, label + " must be a frame number or db, not '" + arg + "'");
        }
        int frames = in.wal().frames().size();
        if (frame < 1 || frame > frames) {
            throw new UserError(ExitCode.USAGE, "frame " + frame + " is out of range: " + in.walPath().getFileName()
                    + (frames == 0 ? " has no frames" : " has frames 1.." + frames));
        }
        PageVersion v = in.frameVersion((int) frame);
        if (v.page() != page) {
            throw new UserError(ExitCode.USAGE, "frame " + frame + " holds page " + v.page() + ", not page " + page
                    + framesHolding(in, page));
        }
        return v;
    }

    private static String framesHolding(WalInput in, long page) {
        int[] frames = in.framesOf(page);
        if (frames.length == 0) {
            return "; no frame holds page " + page;
        }
        String list = Arrays.stream(frames).limit(20).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        return "; frames holding page " + page + ": " + list + (frames.length > 20 ? ", ..." : "");
    }

    /** "frame 12 (commit 3)", "frame 40 (uncommitted)", "db (database file)". */
    static String describe(PageVersion v) {
        if (v.isDatabaseFile()) {
            return "db (database file)";
        }
        return v.label() + " (" + (v.status() == VersionStatus.COMMITTED ? "commit " + v.commit()
                : v.status().label()) + ")";
    }

    /** The commit column: the commit number, "-" for the database file, or why SQLite does not use the frame. */
    static String commitText(PageVersion v) {
        return switch (v.status()) {
            case DATABASE_FILE -> "-";
            case COMMITTED -> Integer.toString(v.commit());
            case UNCOMMITTED -> "uncommitted";
            case IGNORED -> "ignored";
        };
    }

    static ObjectNode json(PageVersion v) {
        ObjectNode o = JsonValues.NODES.objectNode();
        o.put("version", v.isDatabaseFile() ? "db" : Integer.toString(v.frame()));
        o.put("frame", v.frame());
        if (v.status() == VersionStatus.COMMITTED) {
            o.put("commit", v.commit());
        } else {
            o.putNull("commit");
        }
        o.put("status", switch (v.status()) {
            case DATABASE_FILE -> "database-file";
            case COMMITTED -> "committed";
            case UNCOMMITTED -> "uncommitted";
            case IGNORED -> "ignored";
        });
        o.put("fileOffset", v.span().offset());
        o.put("length", v.span().length());
        return o;
    }

    static void putSummary(ObjectNode o, PageSummary s) {
        if (s.type() != null) {
            o.put("pageType", s.type().label());
        } else {
            o.putNull("pageType");
        }
        o.put("typeByte", s.rawType());
        o.put("cellCount", s.cellCount());
        o.put("freeblockCount", s.freeblockCount());
        o.put("freeblockBytes", s.freeblockBytes());
        o.put("fragmentedBytes", s.fragmentedBytes());
        o.put("unallocatedBytes", s.unallocatedBytes());
        o.put("freeBytes", s.freeBytes());
        o.put("problems", s.problems());
    }
}
