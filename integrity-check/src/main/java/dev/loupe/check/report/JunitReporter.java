package dev.loupe.check.report;

import dev.loupe.check.CheckReport;
import dev.loupe.check.Finding;
import dev.loupe.check.FindingCode;
import dev.loupe.check.Severity;
import dev.loupe.check.Verdict;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * JUnit XML as Jenkins' junit step and Surefire report readers expect it: one {@code testsuite} per file, one
 * {@code testcase} per checked object plus {@code (file)} for file-level findings. A test case fails when it has a
 * finding at or above the fail-on severity; less severe findings go to its {@code system-out}. A file that could
 * not be read at all is a test case {@code error}.
 */
public final class JunitReporter implements Reporter {

    /** The test case that carries findings about no table or index (header, page use, freelist, WAL). */
    public static final String FILE_CASE = "(file)";

    private final Severity failOn;

    public JunitReporter(Severity failOn) {
        this.failOn = Objects.requireNonNull(failOn, "failOn");
    }

    @Override
    public void write(List<CheckedFile> files, Writer out) throws IOException {
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            int tests = 0;
            int failures = 0;
            int errors = 0;
            long millis = 0;
            List<Suite> suites = new ArrayList<>();
            for (CheckedFile f : files) {
                Suite s = suite(f);
                suites.add(s);
                tests += s.cases.size();
                failures += s.failures();
                errors += s.errors();
                millis += f.report().stats().millis();
            }
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "loupe check");
            x.writeAttribute("tests", Integer.toString(tests));
            x.writeAttribute("failures", Integer.toString(failures));
            x.writeAttribute("errors", Integer.toString(errors));
            x.writeAttribute("time", seconds(millis));
            for (Suite s : suites) {
                writeSuite(x, s);
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.flush();
            out.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    private record Case(String name, List<Finding> failing, List<Finding> other, boolean unreadable) {
    }

    private record Suite(CheckedFile file, List<Case> cases) {
        int failures() {
            return (int) cases.stream().filter(c -> !c.unreadable && !c.failing.isEmpty()).count();
        }

        int errors() {
            return (int) cases.stream().filter(c -> c.unreadable).count();
        }
    }

    private Suite suite(CheckedFile f) {
        CheckReport r = f.report();
        List<Case> cases = new ArrayList<>();
        List<String> names = new ArrayList<>();
        names.add(null);
        names.addAll(f.allObjects());
        for (String name : names) {
            List<Finding> failing = new ArrayList<>();
            List<Finding> other = new ArrayList<>();
            for (Finding fd : r.findings()) {
                if (Objects.equals(fd.object(), name)) {
                    (fd.severity().atLeast(failOn) ? failing : other).add(fd);
                }
            }
            cases.add(new Case(name == null ? FILE_CASE : name, failing, other,
                    name == null && r.verdict() == Verdict.UNREADABLE));
        }
        return new Suite(f, cases);
    }

    private static void writeSuite(XMLStreamWriter x, Suite s) throws XMLStreamException {
        CheckReport r = s.file.report();
        x.writeCharacters("\n  ");
        x.writeStartElement("testsuite");
        x.writeAttribute("name", clean(r.file()));
        x.writeAttribute("tests", Integer.toString(s.cases.size()));
        x.writeAttribute("failures", Integer.toString(s.failures()));
        x.writeAttribute("errors", Integer.toString(s.errors()));
        x.writeAttribute("skipped", "0");
        x.writeAttribute("time", seconds(r.stats().millis()));
        String className = className(r.file());
        for (Case c : s.cases) {
            x.writeCharacters("\n    ");
            x.writeStartElement("testcase");
            x.writeAttribute("name", clean(c.name));
            x.writeAttribute("classname", className);
            x.writeAttribute("time", "0");
            if (!c.failing.isEmpty()) {
                Finding first = c.failing.get(0);
                x.writeCharacters("\n      ");
                x.writeStartElement(c.unreadable ? "error" : "failure");
                String more = c.failing.size() > 1 ? " (and " + (c.failing.size() - 1) + " more)" : "";
                x.writeAttribute("message", clean(first.message() + more));
                x.writeAttribute("type", first.code().code());
                x.writeCharacters(clean(describe(c.failing)));
                x.writeEndElement();
            }
            if (!c.other.isEmpty()) {
                x.writeCharacters("\n      ");
                x.writeStartElement("system-out");
                x.writeCharacters(clean(describe(c.other)));
                x.writeEndElement();
            }
            if (!c.failing.isEmpty() || !c.other.isEmpty()) {
                x.writeCharacters("\n    ");
            }
            x.writeEndElement();
        }
        x.writeCharacters("\n  ");
        x.writeEndElement();
    }

    /** The findings as text: one block per finding (severity, code, title, location, message, SQLite's line). */
    private static String describe(List<Finding> findings) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            FindingCode c = f.code();
            sb.append(f.severity().code()).append(' ').append(c.code()).append(": ").append(c.title()).append('\n');
            String where = FindingLocation.text(f);
            if (!where.isEmpty()) {
                sb.append("  at ").append(where).append('\n');
            }
            sb.append("  ").append(f.message()).append('\n');
            if (!f.keys().isEmpty()) {
                sb.append("  keys: ").append(String.join(", ", f.keys())).append('\n');
            }
            if (f.sqlite() != null) {
                sb.append("  SQLite 3.40: ").append(f.sqlite()).append('\n');
            }
        }
        return sb.toString();
    }

    /** Jenkins splits a class name at dots into packages: keep the file name whole. */
    private static String className(String file) {
        return clean("loupe.check." + file.replace('.', '_'));
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** Replaces characters XML 1.0 cannot carry (names from a damaged schema may hold any byte). */
    static String clean(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1)))
                    || (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
            if (!ok && sb == null) {
                sb = new StringBuilder(s.substring(0, i));
            }
            if (sb != null) {
                sb.append(ok ? c : '\uFFFD');
            }
        }
        return sb == null ? s : sb.toString();
    }
}
