package dev.loupe.check.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * A file as a SARIF artifact URI: a relative path stays relative (code scanning resolves it against the
 * repository root), with '/' separators and percent-encoding; an absolute path becomes a file: URI.
 */
final class ArtifactUri {

    private ArtifactUri() {
    }

    static String of(String file) {
        Path p = Path.of(file);
        if (p.isAbsolute()) {
            return p.toUri().toASCIIString();
        }
        String slashed = p.normalize().toString().replace(p.getFileSystem().getSeparator(), "/");
        try {
            return new URI(null, null, slashed, null).toASCIIString();
        } catch (URISyntaxException e) {
            return slashed;
        }
    }
}
