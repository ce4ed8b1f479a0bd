package dev.loupe.format.header;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Database text encoding, header offset 56 (fileformat2 §1.3.13). */
public enum TextEncoding {
    UTF8(1, "UTF-8", StandardCharsets.UTF_8),
    UTF16LE(2, "UTF-16le", StandardCharsets.UTF_16LE),
    UTF16BE(3, "UTF-16be", StandardCharsets.UTF_16BE);

    private final int code;
    private final String pragmaName;
    private final Charset charset;

    TextEncoding(int code, String pragmaName, Charset charset) {
        this.code = code;
        this.pragmaName = pragmaName;
        this.charset = charset;
    }

    public int code() {
        return code;
    }

    /** The name PRAGMA encoding prints. */
    public String pragmaName() {
        return pragmaName;
    }

    public Charset charset() {
        return charset;
    }

    /** The encoding for a header value, or null when the value is not 1, 2 or 3. */
    public static TextEncoding ofCode(long code) {
        for (TextEncoding e : values()) {
            if (e.code == code) {
                return e;
            }
        }
        return null;
    }
}
