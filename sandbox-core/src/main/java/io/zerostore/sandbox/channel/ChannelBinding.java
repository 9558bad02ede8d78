package io.zerostore.sandbox.channel;

import java.io.Closeable;
import java.io.IOException;

/**
 * The host side of one channel: where the bytes a program reads come from and where the bytes it
 * writes go. The sandbox never copies a binding's content into memory beyond its own read buffer.
 *
 * <p>Contract:
 * <ul>
 *   <li>A binding supports a subset of sequential read, positional read, sequential write and
 *       positional write, reported by the {@code can*} methods; an unsupported call throws
 *       {@link UnsupportedOperationException}. The sandbox checks the channel's {@link ChannelType}
 *       against these capabilities before the program starts.</li>
 *   <li>{@code read} returns the number of bytes read, 0 only when {@code len} is 0, and -1 at the
 *       end of data. It may block (a pipe) and must then honour thread interruption by throwing
 *       {@link java.io.InterruptedIOException} (or {@link java.nio.channels.ClosedByInterruptException}).</li>
 *   <li>{@code write} writes some bytes (at least one when {@code len > 0}) and returns how many.
 *       A broken pipe throws {@link BrokenPipeException}.</li>
 *   <li>One binding is used by one running program (one thread) at a time; {@link #close()} is
 *       called exactly once by the sandbox when the run ends, whatever the outcome.</li>
 * </ul>
 */
public interface ChannelBinding extends Closeable {

    default boolean canRead() {
        return false;
    }

    default boolean canReadAt() {
        return false;
    }

    default boolean canWrite() {
        return false;
    }

    default boolean canWriteAt() {
        return false;
    }

    /** Reads the next bytes of a stream. */
    default int read(byte[] buf, int off, int len) throws IOException {
        throw new UnsupportedOperationException("sequential read");
    }

    /** Reads bytes at {@code position} (relative to the start of this channel's data). */
    default int readAt(long position, byte[] buf, int off, int len) throws IOException {
        throw new UnsupportedOperationException("positional read");
    }

    /** Appends bytes to a stream. */
    default int write(byte[] buf, int off, int len) throws IOException {
        throw new UnsupportedOperationException("sequential write");
    }

    /** Writes bytes at {@code position}. */
    default int writeAt(long position, byte[] buf, int off, int len) throws IOException {
        throw new UnsupportedOperationException("positional write");
    }

    /** Size in bytes if known (a file region, a buffer), else -1 (a stream). */
    default long size() {
        return -1;
    }

    /**
     * True when the bytes cross to another instance or node (pipes, sockets); ZeroVM accounts such
     * channels in the "network" group of the report.
     */
    default boolean network() {
        return false;
    }

    /**
     * True when a blocked call of this binding ends promptly, and harmlessly, on
     * {@link Thread#interrupt()} (our {@link Pipe}). For other bindings the sandbox's watchdog does
     * not interrupt the thread while it is inside their calls, because an interrupt would close an
     * NIO channel the caller may share; the run is stopped as soon as the call returns instead.
     */
    default boolean interruptible() {
        return false;
    }

    @Override
    default void close() throws IOException {
    }
}
