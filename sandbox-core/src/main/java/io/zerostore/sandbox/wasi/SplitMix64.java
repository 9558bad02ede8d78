package io.zerostore.sandbox.wasi;

/**
 * The deterministic random source behind {@code random_get}: SplitMix64, written out here so the
 * byte stream for a seed is fixed forever, whatever the JDK.
 */
final class SplitMix64 {
    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    long next() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    void fill(byte[] buf, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            long v = next();
            for (int k = 0; k < 8 && i < end; k++) {
                buf[i++] = (byte) v;
                v >>>= 8;
            }
        }
    }
}
