package dev.loupe.bench;

/**
 * Where a pass puts what it decoded, so that the JIT cannot prove the work unused: JMH's Blackhole in the
 * benchmark, a running checksum in the stand-alone mains.
 */
public interface Sink {

    void consume(Object o);

    void consume(long v);

    void consume(double v);

    /** A sink that folds everything into a checksum (for runs outside JMH). */
    static Checksum checksum() {
        return new Checksum();
    }

    /** Folds lengths and numbers into one value; cheap, but depends on every value decoded. */
    final class Checksum implements Sink {
        private long sum = 17;

        @Override
        public void consume(Object o) {
            int h;
            if (o == null) {
                h = 0;
            } else if (o instanceof String s) {
                h = s.length();
            } else if (o instanceof byte[] b) {
                h = b.length;
            } else if (o instanceof java.util.List<?> l) {
                h = l.size();
            } else {
                h = 1;
            }
            sum = sum * 31 + h;
        }

        @Override
        public void consume(long v) {
            sum = sum * 31 + v;
        }

        @Override
        public void consume(double v) {
            sum = sum * 31 + Double.doubleToRawLongBits(v);
        }

        public long value() {
            return sum;
        }
    }
}
