package io.zerostore.node.diskfile;

import io.zerostore.common.swift.Timestamp;
import java.io.IOException;

/**
 * One object (account/container/object on one device and partition) as stored on a node: Swift's
 * DiskFile contract. Versions are files named by timestamp; the newest data or tombstone wins,
 * a newer {@code .meta} overlays the metadata; older files are removed after a newer one commits.
 *
 * <p>Every method does blocking disk I/O: call them on the device's executor, never on a network
 * thread. Implementations are safe for concurrent use by different requests: writers stage into a
 * private temporary file and publish it by an atomic rename, so a reader sees a whole old version
 * or a whole new one, never a partial one.
 */
public interface DiskFile {
    /** The hash directory name: md5 of /account/container/object with the cluster's prefix and suffix. */
    String hash();

    /**
     * What is on disk now. A {@link ObjectState.Present} result holds the data file open (close it),
     * so the bytes stay readable even if a newer version replaces the file meanwhile.
     *
     * @param nowSeconds the time against which {@code X-Delete-At} is checked
     */
    ObjectState read(double nowSeconds) throws IOException;

    /**
     * Starts a new version: a temporary file on the same device with {@code expectedSize} bytes
     * reserved (negative when unknown, e.g. chunked). Fails with {@link DiskFullException} when
     * the space is not there, before any byte of the body is read.
     */
    DiskFileWriter create(long expectedSize) throws IOException;

    /** Durably writes a {@code <ts>.meta} (POST): it replaces the user metadata of the current data. */
    void writeMetadata(ObjectMetadata metadata) throws IOException;

    /** Durably writes a {@code <ts>.ts} tombstone, whether or not the object exists. */
    void delete(Timestamp timestamp) throws IOException;
}
