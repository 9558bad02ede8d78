package io.zerostore.sandbox.channel;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded, blocking byte pipe between two running programs (ZeroVM's instance-to-instance
 * channel when both sit on one node). The writer blocks while the buffer is full (backpressure),
 * the reader blocks while it is empty; closing the {@link #sink()} gives the reader end-of-data,
 * closing the {@link #source()} makes further writes fail with {@link BrokenPipeException}.
 * Blocked calls honour thread interruption, so the sandbox's watchdog can end a stuck pipeline.
 */
public final class Pipe {
    private final byte[] ring;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private int head;
    private int count;
    private boolean writerClosed;
    private boolean readerClosed;
    private final ChannelBinding source = new Source();
    private final ChannelBinding sink = new Sink();

    public Pipe(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.ring = new byte[capacity];
    }

    /** The reading end, to bind to the receiving program's channel. */
    public ChannelBinding source() {
        return source;
    }

    /** The writing end, to bind to the sending program's channel. */
    public ChannelBinding sink() {
        return sink;
    }

    private int take(byte[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        lock.lock();
        try {
            while (count == 0) {
                if (writerClosed || readerClosed) {
                    return -1;
                }
                awaitOrThrow(notEmpty);
            }
            int n = Math.min(len, count);
            int first = Math.min(n, ring.length - head);
            System.arraycopy(ring, head, buf, off, first);
            System.arraycopy(ring, 0, buf, off + first, n - first);
            head = (head + n) % ring.length;
            count -= n;
            notFull.signalAll();
            return n;
        } finally {
            lock.unlock();
        }
    }

    private int put(byte[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        lock.lock();
        try {
            while (count == ring.length && !readerClosed) {
                awaitOrThrow(notFull);
            }
            if (readerClosed) {
                throw new BrokenPipeException("pipe reader closed");
            }
            int n = Math.min(len, ring.length - count);
            int tail = (head + count) % ring.length;
            int first = Math.min(n, ring.length - tail);
            System.arraycopy(buf, off, ring, tail, first);
            System.arraycopy(buf, off + first, ring, 0, n - first);
            count += n;
            notEmpty.signalAll();
            return n;
        } finally {
            lock.unlock();
        }
    }

    private static void awaitOrThrow(Condition c) throws InterruptedIOException {
        try {
            c.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("pipe wait interrupted");
        }
    }

    private void closeEnd(boolean writer) {
        lock.lock();
        try {
            if (writer) {
                writerClosed = true;
            } else {
                readerClosed = true;
            }
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** What both ends share: bytes cross to another instance, a blocked call ends on interrupt. */
    private abstract class End implements ChannelBinding {
        private final boolean writer;

        End(boolean writer) {
            this.writer = writer;
        }

        @Override
        public boolean network() {
            return true;
        }

        @Override
        public boolean interruptible() {
            return true;
        }

        @Override
        public void close() {
            closeEnd(writer);
        }
    }

    private final class Source extends End {
        Source() {
            super(false);
        }

        @Override
        public boolean canRead() {
            return true;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            return take(buf, off, len);
        }
    }

    private final class Sink extends End {
        Sink() {
            super(true);
        }

        @Override
        public boolean canWrite() {
            return true;
        }

        @Override
        public int write(byte[] buf, int off, int len) throws IOException {
            return put(buf, off, len);
        }
    }
}
