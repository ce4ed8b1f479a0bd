package dev.loupe.issue;

import dev.loupe.format.schema.SqlTokenizer;
import dev.loupe.format.schema.Token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * A key that two drafts of the same bug share, to find an issue already filed: the SHA-256 of the normalized title
 * and the failing statement's fingerprint (its tokens with literals replaced by ?, words lower-cased, whitespace and
 * comments gone), shortened to 16 hex digits.
 */
public final class DedupKey {

    private DedupKey() {
    }

    /** The fingerprint of one SQL statement: "select ? + ? from t where a = ?". */
    public static String fingerprint(String sql) {
        StringJoiner j = new StringJoiner(" ");
        for (Token t : SqlTokenizer.tokenize(sql)) {
            j.add(switch (t.kind()) {
                case STRING, BLOB, INTEGER, FLOAT -> "?";
                case WORD -> t.text().toLowerCase(Locale.ROOT);
                default -> t.text();
            });
        }
        return j.toString();
    }

    /** The title lower-cased, quoted strings and numbers replaced by ?, whitespace collapsed. */
    public static String normalizeTitle(String title) {
        String t = title.toLowerCase(Locale.ROOT)
                .replaceAll("'[^']*'|\"[^\"]*\"|`[^`]*`", "?")
                .replaceAll("\\b(0x[0-9a-f]+|[0-9][0-9_]*(\\.[0-9]*)?(e[+-]?[0-9]+)?)\\b", "?");
        return t.replaceAll("\\s+", " ").strip();
    }

    public static String of(String title, String fingerprint) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((normalizeTitle(title) + "\n" + fingerprint).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
