package io.zerostore.sandbox.channel;

import java.util.Objects;

/**
 * One channel declaration, exactly as ZeroVM's manifest line
 * {@code Channel = uri,alias,type,etag,gets,get_size,puts,put_size}.
 *
 * <p>{@code uri} names the host side (a path, {@code tcp:host:port}, or any label the caller uses
 * to pick a {@link ChannelBinding}); {@code alias} is the absolute path the program sees. The four
 * limits count read calls, bytes read, write calls and bytes written; a limit of 0 forbids that
 * direction, and going past a positive limit fails the call with EDQUOT.
 */
public record ChannelSpec(
        String uri,
        String alias,
        ChannelType type,
        boolean etag,
        long gets,
        long getSize,
        long puts,
        long putSize) {

    /** ZeroVM's largest limit value (4 GiB). Larger values are accepted and mean "unlimited". */
    public static final long MAX_LIMIT = 4294967296L;

    /** ZeroVM's channel count limit. */
    public static final int MAX_CHANNELS = 10915;

    public ChannelSpec {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(type, "type");
        if (!alias.startsWith("/")) {
            throw new IllegalArgumentException("channel alias must be an absolute path: " + alias);
        }
        if (alias.contains(",") || uri.contains(",")) {
            throw new IllegalArgumentException("channel uri/alias must not contain ','");
        }
        if (gets < 0 || getSize < 0 || puts < 0 || putSize < 0) {
            throw new IllegalArgumentException("negative limits for " + alias);
        }
    }

    /** A read-only sequential channel (like ZeroVM's stdin) with the given byte limit. */
    public static ChannelSpec input(String alias, long maxBytes) {
        return new ChannelSpec(alias, alias, ChannelType.SEQUENTIAL_READ_SEQUENTIAL_WRITE, false,
                MAX_LIMIT, maxBytes, 0, 0);
    }

    /** A read-only random-access channel (an input object). */
    public static ChannelSpec randomInput(String alias, long maxBytes) {
        return new ChannelSpec(alias, alias, ChannelType.RANDOM_READ_SEQUENTIAL_WRITE, false,
                MAX_LIMIT, maxBytes, 0, 0);
    }

    /** A write-only sequential channel (like ZeroVM's stdout) with the given byte limit. */
    public static ChannelSpec output(String alias, long maxBytes) {
        return new ChannelSpec(alias, alias, ChannelType.SEQUENTIAL_READ_SEQUENTIAL_WRITE, false,
                0, 0, MAX_LIMIT, maxBytes);
    }

    public ChannelSpec withEtag(boolean on) {
        return new ChannelSpec(uri, alias, type, on, gets, getSize, puts, putSize);
    }

    public ChannelSpec withUri(String newUri) {
        return new ChannelSpec(newUri, alias, type, etag, gets, getSize, puts, putSize);
    }

    public boolean readable() {
        return gets > 0 && getSize > 0;
    }

    public boolean writable() {
        return puts > 0 && putSize > 0;
    }

    /** The manifest value after {@code Channel = }. */
    public String toManifestValue() {
        return uri + "," + alias + "," + type.code() + "," + (etag ? 1 : 0) + ","
                + gets + "," + getSize + "," + puts + "," + putSize;
    }
}
