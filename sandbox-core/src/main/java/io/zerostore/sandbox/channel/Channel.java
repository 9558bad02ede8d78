package io.zerostore.sandbox.channel;

import io.zerostore.sandbox.channel.ChannelException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A declared channel during one run: its {@link ChannelSpec}, its host {@link ChannelBinding}, and
 * the enforcement ZeroVM did — access type (sequential vs positional calls), the four quotas
 * (each call past a limit fails with {@link Kind#QUOTA}; a call that would cross a byte limit is
 * shortened to it), the counters for the report, and the optional etag (MD5 of every byte that
 * passed, in order). Used by one program thread.
 */
public final class Channel {
    private final ChannelSpec spec;
    private final ChannelBinding binding;
    private final long putSizeLimit;
    private final MessageDigest digest;
    private IoShield shield = IoShield.NONE;
    private long gets;
    private long getBytes;
    private long puts;
    private long putBytes;

    /**
     * @param fileSizeLimit extra cap on bytes written (ZeroVM's {@code -l}); {@code Long.MAX_VALUE}
     *     for none
     */
    public Channel(ChannelSpec spec, ChannelBinding binding, long fileSizeLimit) {
        this.spec = spec;
        this.binding = binding;
        this.putSizeLimit = Math.min(spec.putSize(), fileSizeLimit);
        this.digest = spec.etag() ? md5() : null;
        checkCapabilities();
    }

    private void checkCapabilities() {
        ChannelType t = spec.type();
        if (spec.readable()) {
            boolean ok = t.randomRead() ? binding.canReadAt() : binding.canRead();
            if (!ok) {
                throw new IllegalArgumentException("channel " + spec.alias() + ": type " + t.code()
                        + " needs a " + (t.randomRead() ? "positional" : "sequential")
                        + " read on the host side");
            }
        }
        if (spec.writable()) {
            boolean ok = t.randomWrite() ? binding.canWriteAt() : binding.canWrite();
            if (!ok) {
                throw new IllegalArgumentException("channel " + spec.alias() + ": type " + t.code()
                        + " needs a " + (t.randomWrite() ? "positional" : "sequential")
                        + " write on the host side");
            }
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void shieldWith(IoShield s) {
        this.shield = s;
    }

    public ChannelSpec spec() {
        return spec;
    }

    public ChannelBinding binding() {
        return binding;
    }

    /** Reads the next bytes of a sequential-read channel; -1 at the end of data. */
    public int read(byte[] buf, int off, int len) throws ChannelException {
        if (spec.type().randomRead()) {
            throw new ChannelException(Kind.NOT_SEEKABLE, "random-read channel needs a position");
        }
        int want = admitRead(len);
        int n = io(() -> binding.read(buf, off, want));
        return countRead(buf, off, n);
    }

    /** Reads at {@code position} of a random-read channel; -1 at the end of data. */
    public int readAt(long position, byte[] buf, int off, int len) throws ChannelException {
        if (!spec.type().randomRead()) {
            throw new ChannelException(Kind.NOT_SEEKABLE, "sequential channel");
        }
        long size = binding.size();
        if (size >= 0 && position >= size && spec.readable() && gets < spec.gets()) {
            gets++; // end of data counts as a read, even with the byte quota used up
            return -1;
        }
        int want = admitRead(len);
        int n = io(() -> binding.readAt(position, buf, off, want));
        return countRead(buf, off, n);
    }

    /** Appends bytes to a sequential-write channel; returns how many were taken. */
    public int write(byte[] buf, int off, int len) throws ChannelException {
        if (spec.type().randomWrite()) {
            throw new ChannelException(Kind.NOT_SEEKABLE, "random-write channel needs a position");
        }
        int allowed = admitWrite(len);
        int n = io(() -> binding.write(buf, off, allowed));
        return countWrite(buf, off, n);
    }

    /** Writes at {@code position} of a random-write channel. */
    public int writeAt(long position, byte[] buf, int off, int len) throws ChannelException {
        if (!spec.type().randomWrite()) {
            throw new ChannelException(Kind.NOT_SEEKABLE, "sequential channel");
        }
        int allowed = admitWrite(len);
        int n = io(() -> binding.writeAt(position, buf, off, allowed));
        return countWrite(buf, off, n);
    }

    private int admitRead(int len) throws ChannelException {
        if (!spec.readable()) {
            throw new ChannelException(Kind.NOT_PERMITTED, spec.alias() + " is not readable");
        }
        if (gets >= spec.gets()) {
            throw new ChannelException(Kind.QUOTA, spec.alias() + ": gets limit");
        }
        long left = spec.getSize() - getBytes;
        if (left <= 0 && len > 0) {
            gets++;
            throw new ChannelException(Kind.QUOTA, spec.alias() + ": get_size limit");
        }
        return (int) Math.min(len, left);
    }

    private int countRead(byte[] buf, int off, int n) {
        gets++;
        if (n > 0) {
            getBytes += n;
            if (digest != null) {
                digest.update(buf, off, n);
            }
        }
        return n;
    }

    private int admitWrite(int len) throws ChannelException {
        if (!spec.writable()) {
            throw new ChannelException(Kind.NOT_PERMITTED, spec.alias() + " is not writable");
        }
        if (puts >= spec.puts()) {
            throw new ChannelException(Kind.QUOTA, spec.alias() + ": puts limit");
        }
        long left = putSizeLimit - putBytes;
        if (left <= 0 && len > 0) {
            puts++;
            throw new ChannelException(Kind.QUOTA, spec.alias() + ": put_size limit");
        }
        return (int) Math.min(len, left);
    }

    private int countWrite(byte[] buf, int off, int n) {
        puts++;
        if (n > 0) {
            putBytes += n;
            if (digest != null) {
                digest.update(buf, off, n);
            }
        }
        return n;
    }

    @FunctionalInterface
    private interface Io {
        int call() throws IOException;
    }

    private int io(Io call) throws ChannelException {
        boolean shielded = !binding.interruptible();
        if (shielded) {
            shield.shield();
        }
        try {
            return call.call();
        } catch (BrokenPipeException e) {
            throw new ChannelException(Kind.BROKEN_PIPE, e.getMessage());
        } catch (InterruptedIOException | ClosedByInterruptException e) {
            Thread.currentThread().interrupt();
            throw new ChannelException(Kind.INTERRUPTED, "interrupted");
        } catch (IOException | RuntimeException e) {
            throw new ChannelException(Kind.IO, spec.alias() + ": " + e);
        } finally {
            if (shielded) {
                shield.unshield();
            }
        }
    }

    /** Bytes known to be in the channel (for stat): the host size, else what was written. */
    public long knownSize() {
        long s = binding.size();
        return s >= 0 ? s : putBytes;
    }

    public ChannelStats stats() {
        return new ChannelStats(gets, getBytes, puts, putBytes);
    }

    /** Hex MD5 of all bytes so far, or null when the channel's etag is off. */
    public String etag() {
        if (digest == null) {
            return null;
        }
        try {
            MessageDigest copy = (MessageDigest) digest.clone();
            return HexFormat.of().formatHex(copy.digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
