package io.zerostore.node.diskfile;

import io.zerostore.common.swift.Timestamp;

/** The result of {@link DiskFile#read}: which of Swift's four states the object is in. */
public sealed interface ObjectState {
    /** Nothing was ever stored, or only obsolete files remain. */
    record Missing() implements ObjectState {}

    /** The newest version is a tombstone. */
    record Deleted(Timestamp timestamp) implements ObjectState {}

    /** Data exists but its X-Delete-At has passed; {@code timestamp} is its metadata timestamp. */
    record Expired(Timestamp timestamp, ObjectMetadata metadata) implements ObjectState {}

    /** Readable data; close it when done. */
    record Present(StoredObject object) implements ObjectState {}

    /** Timestamp a 404 reports in X-Backend-Timestamp, or null. */
    default Timestamp backendTimestamp() {
        if (this instanceof Deleted d) {
            return d.timestamp();
        }
        if (this instanceof Expired e) {
            return e.timestamp();
        }
        return null;
    }
}
