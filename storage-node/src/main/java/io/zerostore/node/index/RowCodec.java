package io.zerostore.node.index;

import io.zerostore.common.swift.Timestamp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of the index, in a compact binary form that starts with a format version byte.
 * Rows are read on every listing, so they stay small and cheap to decode.
 */
final class RowCodec {
    private static final int VERSION = 1;

    private RowCodec() {}

    // ---- object rows ----

    /** Live row value: timestamp, size, content type, etag (the name is in the key), row id. */
    static byte[] liveObject(ObjectRow row, long rowId) {
        return write(out -> {
            timestamp(out, row.timestamp());
            out.writeLong(row.size());
            string(out, row.contentType());
            string(out, row.etag());
            out.writeLong(rowId);
        });
    }

    static ObjectRow liveObject(String name, byte[] value) {
        return read(value, in -> ObjectRow.put(name, timestamp(in), in.readLong(), string(in), string(in)));
    }

    /** The row id a live row value ends with (0 when written before row ids existed). */
    static long liveObjectRowId(byte[] value) {
        return read(value, in -> {
            timestamp(in);
            in.readLong();
            string(in);
            string(in);
            return rowId(in);
        });
    }

    static byte[] deletedObject(Timestamp ts, long rowId) {
        return write(out -> {
            timestamp(out, ts);
            out.writeLong(rowId);
        });
    }

    static Timestamp deletedObject(byte[] value) {
        return read(value, RowCodec::timestamp);
    }

    static long deletedObjectRowId(byte[] value) {
        return read(value, in -> {
            timestamp(in);
            return rowId(in);
        });
    }

    private static long rowId(DataInputStream in) throws IOException {
        return in.available() >= Long.BYTES ? in.readLong() : 0;
    }

    // ---- container records ----

    static byte[] container(ContainerRecord r) {
        return write(out -> {
            string(out, r.account());
            string(out, r.container());
            timestamp(out, r.createdAt());
            timestamp(out, r.putTimestamp());
            timestamp(out, r.deleteTimestamp());
            timestamp(out, r.statusChangedAt());
            metadata(out, r.metadata());
            out.writeShort(r.targets().size());
            for (AccountTarget t : r.targets()) {
                string(out, t.host());
                out.writeInt(t.port());
                string(out, t.device());
                string(out, t.partition());
            }
        });
    }

    static ContainerRecord container(byte[] value) {
        if (value == null) {
            return null;
        }
        return read(value, in -> {
            String account = string(in);
            String container = string(in);
            Timestamp created = timestamp(in);
            Timestamp put = timestamp(in);
            Timestamp delete = timestamp(in);
            Timestamp changed = timestamp(in);
            Metadata md = metadata(in);
            int n = in.readShort();
            List<AccountTarget> targets = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                targets.add(new AccountTarget(string(in), in.readInt(), string(in), string(in)));
            }
            return new ContainerRecord(account, container, created, put, delete, changed, md, targets);
        });
    }

    static byte[] containerStats(ContainerRecord.Stats s) {
        return write(out -> {
            out.writeLong(s.objectCount());
            out.writeLong(s.bytesUsed());
        });
    }

    static ContainerRecord.Stats containerStats(byte[] value) {
        if (value == null) {
            return ContainerRecord.Stats.ZERO;
        }
        return read(value, in -> new ContainerRecord.Stats(in.readLong(), in.readLong()));
    }

    // ---- account records and rows ----

    static byte[] account(AccountRecord r) {
        return write(out -> {
            string(out, r.account());
            timestamp(out, r.createdAt());
            timestamp(out, r.putTimestamp());
            timestamp(out, r.deleteTimestamp());
            timestamp(out, r.statusChangedAt());
            out.writeBoolean(r.statusDeleted());
            metadata(out, r.metadata());
        });
    }

    static AccountRecord account(byte[] value) {
        if (value == null) {
            return null;
        }
        return read(value, in -> new AccountRecord(string(in), timestamp(in), timestamp(in), timestamp(in),
                timestamp(in), in.readBoolean(), metadata(in)));
    }

    static byte[] accountStats(AccountRecord.Stats s) {
        return write(out -> {
            out.writeLong(s.containerCount());
            out.writeLong(s.objectCount());
            out.writeLong(s.bytesUsed());
        });
    }

    static AccountRecord.Stats accountStats(byte[] value) {
        if (value == null) {
            return AccountRecord.Stats.ZERO;
        }
        return read(value, in -> new AccountRecord.Stats(in.readLong(), in.readLong(), in.readLong()));
    }

    /** Container row value: put and delete timestamps, counts, then when they were counted and the row id. */
    static byte[] containerRow(ContainerRow row, long rowId) {
        return write(out -> {
            timestamp(out, row.putTimestamp());
            timestamp(out, row.deleteTimestamp());
            out.writeLong(row.objectCount());
            out.writeLong(row.bytesUsed());
            timestamp(out, row.countedAt());
            out.writeLong(rowId);
        });
    }

    static long containerRowId(byte[] value) {
        return read(value, in -> {
            timestamp(in);
            timestamp(in);
            in.readLong();
            in.readLong();
            if (in.available() >= 2 * Long.BYTES + Long.BYTES) {
                timestamp(in);
            }
            return rowId(in);
        });
    }

    // ---- replication state ----

    /** Replica identity value: the random id, then the highest row id given out. */
    static byte[] replica(ReplicaId id, long maxRowId) {
        return write(out -> {
            out.write(id.bytes());
            out.writeLong(maxRowId);
        });
    }

    static ReplicaId replicaId(byte[] value) {
        return read(value, in -> {
            byte[] b = new byte[ReplicaId.LENGTH];
            in.readFully(b);
            return new ReplicaId(b);
        });
    }

    static long replicaMaxRowId(byte[] value) {
        return read(value, in -> {
            in.skipNBytes(ReplicaId.LENGTH);
            return in.readLong();
        });
    }

    static byte[] syncPoint(long rowId) {
        return write(out -> out.writeLong(rowId));
    }

    static long syncPoint(byte[] value) {
        return value == null ? 0 : read(value, DataInputStream::readLong);
    }

    static ContainerRow containerRow(String name, byte[] value) {
        if (value == null) {
            return null;
        }
        // older values end after the counts, or carry a row id but no counted-at
        return read(value, in -> new ContainerRow(name, timestamp(in), timestamp(in), in.readLong(), in.readLong(),
                in.available() >= 3 * Long.BYTES ? timestamp(in) : Timestamp.ZERO));
    }

    // ---- primitives ----

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] write(Writer w) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            w.write(out);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(byte[] value, Reader<T> r) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(value));
            int v = in.readUnsignedByte();
            if (v != VERSION) {
                throw new IOException("unknown index value version " + v);
            }
            return r.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void timestamp(DataOutputStream out, Timestamp ts) throws IOException {
        out.writeLong(ts.ticks());
        out.writeLong(ts.offset());
    }

    private static Timestamp timestamp(DataInputStream in) throws IOException {
        return new Timestamp(in.readLong(), in.readLong());
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void metadata(DataOutputStream out, Metadata md) throws IOException {
        out.writeShort(md.items().size());
        for (Map.Entry<String, Metadata.Item> e : md.items().entrySet()) {
            string(out, e.getKey());
            string(out, e.getValue().value());
            timestamp(out, e.getValue().timestamp());
        }
    }

    private static Metadata metadata(DataInputStream in) throws IOException {
        int n = in.readUnsignedShort();
        Map<String, Metadata.Item> items = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            items.put(string(in), new Metadata.Item(string(in), timestamp(in)));
        }
        return Metadata.ofItems(items);
    }
}
