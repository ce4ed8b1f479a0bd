package dev.loupe.gui;

import dev.loupe.samples.corrupt.Corruptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher as `loupe gui` runs it: a separate JVM on the plain class path, no display, --snapshot. It must
 * fall back to Monocle's headless platform, write the PNG and exit 0; bad arguments exit 2.
 */
class LauncherSnapshotTest {

    @TempDir
    Path dir;

    private Process launch(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("launcher.log").toFile());
        pb.environment().remove("DISPLAY");
        return pb.start();
    }

    @Test
    void snapshotOfABrokenTreeIsWrittenHeadless() throws Exception {
        Path db = Corruptions.named("child-page-number-invalid").apply(dir);
        Path png = dir.resolve("tree.png");
        Process p = launch(db.toString(), "--view", "tree:mixed", "--snapshot", png.toString());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("launcher.log"))).isZero();
        BufferedImage img = ImageIO.read(new File(png.toString()));
        assertThat(img.getWidth()).isEqualTo((int) Launcher.WIDTH);
        assertThat(img.getHeight()).isEqualTo((int) Launcher.HEIGHT);
        // the red of the broken edge and box is in the picture (antialiased: near the colour, not exactly it)
        int red = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                if (Math.abs((rgb >> 16 & 0xff) - 0xd6) < 24 && Math.abs((rgb >> 8 & 0xff) - 0x27) < 24
                        && Math.abs((rgb & 0xff) - 0x28) < 24) {
                    red++;
                }
            }
        }
        assertThat(red).isGreaterThan(50);
    }

    @Test
    void badArgumentsExit2() throws Exception {
        Process p = launch("--view", "nothing");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("launcher.log"))).contains("usage: loupe gui");
    }
}
