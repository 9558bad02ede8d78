package io.zerostore.node.diskfile;

import io.zerostore.common.swift.Timestamp;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * An open, committed object version. Its body is the region {@code [0, contentLength())} of
 * {@link #dataFile()} (the metadata trailer follows it), which GET sends with sendfile and a job
 * executor can map read-only as a channel.
 */
public final class StoredObject implements AutoCloseable {
    private final Path dataFile;
    private final FileChannel channel;
    private final long contentLength;
    private final Timestamp dataTimestamp;
    private final ObjectMetadata metadata;

    public StoredObject(Path dataFile, FileChannel channel, long contentLength, Timestamp dataTimestamp,
                        ObjectMetadata metadata) {
        this.dataFile = dataFile;
        this.channel = channel;
        this.contentLength = contentLength;
        this.dataTimestamp = dataTimestamp;
        this.metadata = metadata;
    }

    public Path dataFile() {
        return dataFile;
    }

    /** Open read-only; owned by this object. */
    public FileChannel channel() {
        return channel;
    }

    /** Body bytes, starting at file offset 0. */
    public long contentLength() {
        return contentLength;
    }

    /** Timestamp of the {@code .data} file (X-Backend-Data-Timestamp). */
    public Timestamp dataTimestamp() {
        return dataTimestamp;
    }

    /** Data metadata with a newer {@code .meta} applied. */
    public ObjectMetadata metadata() {
        return metadata;
    }

    /** The newest of data and meta timestamps: what X-Timestamp and Last-Modified show. */
    public Timestamp timestamp() {
        return metadata.timestamp();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // read-only: nothing to lose
        }
    }
}
