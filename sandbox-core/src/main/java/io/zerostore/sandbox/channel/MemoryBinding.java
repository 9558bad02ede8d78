package io.zerostore.sandbox.channel;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An in-memory buffer usable for reading and writing, sequentially or at positions: small inputs
 * (an nvram file, a request body already in hand), captured outputs in tests and in the CLI.
 * Grows on demand up to {@code capacity} bytes; a write past the capacity writes nothing more and
 * fails with an I/O error (the channel quota is the intended limit, the capacity is a safety net).
 */
public final class MemoryBinding extends PositionalBinding {
    private final int capacity;
    private byte[] data;
    private int size;

    private MemoryBinding(byte[] initial, int capacity) {
        super(true);
        this.data = initial;
        this.size = initial.length;
        this.capacity = capacity;
    }

    /** An empty buffer that may grow to {@code capacity} bytes. */
    public static MemoryBinding empty(int capacity) {
        return new MemoryBinding(new byte[0], capacity);
    }

    /** A buffer holding a copy of {@code content}, read-write up to {@code content.length}. */
    public static MemoryBinding of(byte[] content) {
        return new MemoryBinding(content.clone(), Math.max(content.length, 0));
    }

    public static MemoryBinding of(String content) {
        return of(content.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized int readAt(long position, byte[] buf, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(len, size - position);
        System.arraycopy(data, (int) position, buf, off, n);
        return n;
    }

    @Override
    public synchronized int write(byte[] buf, int off, int len) throws java.io.IOException {
        return writeAt(size, buf, off, len);
    }

    @Override
    public synchronized int writeAt(long position, byte[] buf, int off, int len)
            throws java.io.IOException {
        long end = position + len;
        if (end > capacity) {
            throw new java.io.IOException("memory channel full (" + capacity + " bytes)");
        }
        if (end > data.length) {
            data = Arrays.copyOf(data, (int) Math.min(capacity, Math.max(end, data.length * 2L)));
        }
        System.arraycopy(buf, off, data, (int) position, len);
        size = (int) Math.max(size, end);
        return len;
    }

    @Override
    public synchronized long size() {
        return size;
    }

    /** A copy of the current content. */
    public synchronized byte[] toByteArray() {
        return Arrays.copyOf(data, size);
    }

    /** The current content decoded as UTF-8. */
    public String asString() {
        return new String(toByteArray(), StandardCharsets.UTF_8);
    }
}
