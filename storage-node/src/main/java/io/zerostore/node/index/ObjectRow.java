package io.zerostore.node.index;

import io.zerostore.common.swift.Timestamp;

/**
 * An object's row in its container, as the object server reports it after a PUT or DELETE. A
 * deleted row is a tombstone: it keeps its timestamp so an older PUT arriving late stays ignored.
 */
public record ObjectRow(String name, Timestamp timestamp, boolean deleted, long size, String contentType,
                        String etag) {
    public ObjectRow {
        if (name == null || name.isEmpty() || timestamp == null) {
            throw new IllegalArgumentException("object row needs a name and a timestamp");
        }
        contentType = contentType == null ? "" : contentType;
        etag = etag == null ? "" : etag;
    }

    public static ObjectRow put(String name, Timestamp timestamp, long size, String contentType, String etag) {
        return new ObjectRow(name, timestamp, false, size, contentType, etag);
    }

    public static ObjectRow delete(String name, Timestamp timestamp) {
        return new ObjectRow(name, timestamp, true, 0, "", "");
    }
}
