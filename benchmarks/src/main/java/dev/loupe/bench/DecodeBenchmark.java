package dev.loupe.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Decode throughput on the generated benchmark file ({@link BenchData}), one thread. One operation is one whole
 * pass over the file; MB/s = file bytes / time per operation ({@link DecodeThroughput} prints it from JMH's result).
 * The file stays in the page cache between operations: this measures decoding, not the disk.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 10)
@Measurement(iterations = 10, time = 10)
public class DecodeBenchmark {

    Path file;
    long fileBytes;

    @Setup(Level.Trial)
    public void prepare() throws IOException {
        file = BenchData.ensure(BenchData.configuredPath());
        fileBytes = Files.size(file);
    }

    /** Every page, cell, payload and record of the file, text validated (what the checker does). */
    @Benchmark
    public Tally decodeEveryPage(Blackhole bh) throws IOException {
        return FullDecode.run(file, true, new BlackholeSink(bh));
    }

    /** Every row of every table through the tree walk ({@code TableReader}, as {@code loupe rows} reads). */
    @Benchmark
    public Tally readEveryTable(Blackhole bh) throws IOException {
        return TableScan.run(file, null, new BlackholeSink(bh));
    }

    /** Adapts JMH's Blackhole to the passes' sink. */
    private record BlackholeSink(Blackhole bh) implements Sink {
        @Override
        public void consume(Object o) {
            bh.consume(o);
        }

        @Override
        public void consume(long v) {
            bh.consume(v);
        }

        @Override
        public void consume(double v) {
            bh.consume(v);
        }
    }
}
