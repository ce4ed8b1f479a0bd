package dev.loupe.cli;

import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JIT settings the {@code ./loupe} launcher gives the deep check (inspector-cli/jvm/check-jit.json): a pattern
 * that names nothing would silently stop working after a rename, a file HotSpot cannot parse would stop the JVM,
 * and HotSpot's "compiler directives added" line must not reach stdout, which carries the report.
 */
class LauncherJitTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path DIRECTIVES = MODULE.resolve("jvm/check-jit.json");
    private static final Path LAUNCHER = MODULE.getParent().resolve("loupe");

    @Test
    void everyPatternNamesCodeThatExists() throws Exception {
        List<String> patterns = patterns();
        assertThat(patterns).isNotEmpty();
        for (String p : patterns) {
            int dot = p.lastIndexOf('.');
            String type = p.substring(0, dot);
            String method = p.substring(dot + 1);
            if (type.endsWith("/*")) {
                String pkg = type.substring(0, type.length() - 2);
                assertThat(getClass().getClassLoader().getResource(pkg + "/")).as("package of %s", p).isNotNull();
                assertThat(method).isEqualTo("*");
                continue;
            }
            Class<?> c = Class.forName(type.replace('/', '.'));
            if (!method.equals("*")) {
                assertThat(Arrays.stream(c.getDeclaredMethods()).map(Method::getName)).as(p).contains(method);
            }
        }
        // the structural pass's walk the file is about is where its first pattern says; the leaf judge, in the same
        // package but run inside the record pass's cell loop, must keep C2 (no pattern for the whole package)
        String structure = dev.loupe.check.structure.StructureCheck.class.getName().replace('.', '/');
        assertThat(structure + ".*").isIn(patterns);
        assertThat(structure.substring(0, structure.lastIndexOf('/')) + "/*.*").isNotIn(patterns);
    }

    @Test
    void theLaunchersDeepCheckFlagsKeepTheReportAlone(@TempDir Path dir) throws Exception {
        List<String> flags = deepCheckFlags();
        assertThat(flags).anyMatch(f -> f.startsWith("-XX:CompilerDirectivesFile="));
        Path db = Samples.copyTo(Sample.INDEXES, dir);
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(flags);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "check", "--format",
                "jsonl", db.toString()));
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("err").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(Files.readString(dir.resolve("err"))).isZero();
        assertThat(out.lines().toList()).singleElement().asString().startsWith("{\"file\":").contains("\"verdict\":\"ok\"");
        assertThat(Files.readString(dir.resolve("err"))).isEmpty();
    }

    @Test
    void hotSpotAcceptsTheFile() throws Exception {
        Process p = new ProcessBuilder(java(), "-XX:+UnlockDiagnosticVMOptions", "-XX:CompilerDirectivesFile="
                + DIRECTIVES, "-version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("1 compiler directives added");
    }

    private static List<String> patterns() throws IOException {
        String text = Files.readString(DIRECTIVES);
        Matcher block = Pattern.compile("match:\\s*\\[([^\\]]*)]").matcher(text);
        List<String> out = new ArrayList<>();
        while (block.find()) {
            Matcher s = Pattern.compile("\"([^\"]+)\"").matcher(block.group(1));
            while (s.find()) {
                out.add(s.group(1));
            }
        }
        return out;
    }

    /** The JVM options the launcher's deep-check branch sets, with {@code $here} made the repository root. */
    private static List<String> deepCheckFlags() throws IOException {
        String script = Files.readString(LAUNCHER);
        Matcher m = Pattern.compile("elif \\(\\(is_check\\)\\)[^\\n]*; then(?:\\s*#[^\\n]*)*\\s*jit=\\(([^)]*)\\)")
                .matcher(script);
        assertThat(m.find()).as("the deep-check branch of %s", LAUNCHER).isTrue();
        List<String> flags = new ArrayList<>();
        for (String f : m.group(1).trim().split("\\s+")) {
            flags.add(f.replace("$here", MODULE.getParent().toString()).replace("\"", ""));
        }
        return flags;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
