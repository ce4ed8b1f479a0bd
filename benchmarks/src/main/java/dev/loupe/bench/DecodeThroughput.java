package dev.loupe.bench;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link DecodeBenchmark} through JMH and turns its result (time per operation, with JMH's 99.9% confidence
 * error) into MB/s of the file (1 MB = 10^6 bytes). Generates the benchmark file first, so that no fork spends its
 * time on that. Any JMH command-line option is passed on, e.g. {@code -prof gc}, {@code -wi 2 -i 3}, or a benchmark
 * name regexp such as {@code decodeEveryPage}.
 *
 * <pre>java -cp benchmarks/target/loupe-benchmarks.jar dev.loupe.bench.DecodeThroughput [JMH options]</pre>
 */
public final class DecodeThroughput {

    private DecodeThroughput() {
    }

    public static void main(String[] args) throws IOException, RunnerException, CommandLineOptionException {
        Path file = BenchData.ensure(BenchData.configuredPath()).toAbsolutePath();
        long bytes = Files.size(file);
        CommandLineOptions cli = new CommandLineOptions(args);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cli)
                .jvmArgsPrepend("-D" + BenchData.PATH_PROPERTY + "=" + file);
        if (cli.getIncludes().isEmpty()) {
            options.include(DecodeBenchmark.class.getName());
        }
        Collection<RunResult> results = new Runner(options.build()).run();

        System.out.println();
        System.out.printf(Locale.ROOT, "File: %s, %d bytes (%.1f MB, %.1f MiB)%n", file, bytes, bytes / 1e6,
                bytes / 1048576.0);
        for (RunResult run : results) {
            Result<?> r = run.getPrimaryResult();
            TimeUnit unit = run.getParams().getTimeUnit();
            double seconds = toSeconds(r.getScore(), unit);
            double error = Double.isNaN(r.getScoreError()) ? 0 : toSeconds(r.getScoreError(), unit);
            double mbs = bytes / 1e6 / seconds;
            double low = bytes / 1e6 / (seconds + error);
            double high = error < seconds ? bytes / 1e6 / (seconds - error) : Double.POSITIVE_INFINITY;
            String name = run.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            System.out.printf(Locale.ROOT, "%-16s %9.1f ± %.1f ms/op  ->  %7.1f MB/s (99.9%% CI %.1f .. %.1f)%n",
                    name, seconds * 1e3, error * 1e3, mbs, low, high);
        }
    }

    private static double toSeconds(double score, TimeUnit perOpUnit) {
        return score * perOpUnit.toNanos(1) / 1e9;
    }
}
