package dev.loupe.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Passes without JMH, for the bench script (the first pass includes JIT warm-up, as a user of the CLI would see
 * it) and for quick looks while optimizing:
 * <pre>
 * OnePass decode FILE [REPEAT]        every page, cell, payload and record (as DecodeBenchmark.decodeEveryPage)
 * OnePass rows FILE [TABLE [REPEAT]]  every row of TABLE ("*" or absent: every table) through TableReader
 * </pre>
 * For each pass it prints the tally, a checksum over every value, the wall time and the CPU time of the thread
 * (the latter is steadier on a shared machine).
 */
public final class OnePass {

    private OnePass() {
    }

    public static void main(String[] args) throws IOException {
        boolean decode = args.length >= 2 && args[0].equals("decode");
        boolean rows = args.length >= 2 && args[0].equals("rows");
        if (!decode && !rows) {
            System.err.println("usage: OnePass decode FILE [REPEAT] | OnePass rows FILE [TABLE [REPEAT]]");
            System.exit(2);
        }
        Path file = Path.of(args[1]);
        String table = rows && args.length > 2 && !args[2].equals("*") ? args[2] : null;
        int repeatArg = decode ? 2 : 3;
        int repeat = args.length > repeatArg ? Integer.parseInt(args[repeatArg]) : 1;
        long bytes = Files.size(file);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 1; i <= repeat; i++) {
            Sink.Checksum sum = Sink.checksum();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Tally tally = decode ? FullDecode.run(file, true, sum) : TableScan.run(file, table, sum);
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            System.out.printf(Locale.ROOT, "%s #%d: %s; checksum %016x; wall %.3f s (%.1f MB/s), thread cpu %.3f s"
                    + " (%.1f MB/s)%n", args[0], i, tally, sum.value(), wall, bytes / 1e6 / wall, cpu,
                    bytes / 1e6 / cpu);
        }
    }
}
