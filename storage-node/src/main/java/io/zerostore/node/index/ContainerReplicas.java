package io.zerostore.node.index;

import io.zerostore.common.swift.HashPath;
import io.zerostore.common.swift.Timestamp;
import java.util.List;

/** {@link ReplicaDb} of a device's containers: object rows merge through {@link ObjectRows}. */
final class ContainerReplicas extends RocksDbReplicas<ObjectRow> {
    private static final byte[] MARK = new byte[0];
    private static final RowTypes ROWS = new RowTypes(Keys.OBJECT, Keys.OBJECT_DELETED);

    ContainerReplicas(IndexDevice device, HashPath hashPath) {
        super(device, hashPath);
    }

    @Override
    byte recordType() {
        return Keys.CONTAINER;
    }

    @Override
    byte[] extraKeyTypes() {
        return new byte[] {Keys.CONTAINER_STATS, Keys.REPORT_PENDING};
    }

    @Override
    RowTypes rowTypes() {
        return ROWS;
    }

    @Override
    ReplicaRecord decodeRecord(byte[] value) {
        return RowCodec.container(value).replica();
    }

    @Override
    byte[] hashOf(ReplicaRecord r) {
        if (r.container() == null) {
            throw new IllegalArgumentException("a container record needs a container name");
        }
        return hashPath.digest(r.account(), r.container(), null);
    }

    /** A changed put or delete timestamp is news for the account: its report becomes pending. */
    @Override
    boolean mergeRecord(IndexDevice.WriteView v, byte[] h, byte[] stored, ReplicaRecord peer) {
        ContainerRecord old = RowCodec.container(stored);
        ContainerRecord merged = old == null ? ContainerRecord.of(peer) : old.mergedWith(peer);
        if (merged.equals(old)) {
            return false;
        }
        v.put(Keys.of(Keys.CONTAINER, h), RowCodec.container(merged));
        boolean news = old == null || !merged.putTimestamp().equals(old.putTimestamp())
                || !merged.deleteTimestamp().equals(old.deleteTimestamp());
        if (news && !merged.targets().isEmpty()) {
            v.put(Keys.of(Keys.REPORT_PENDING, h), MARK);
        }
        return true;
    }

    @Override
    ObjectRow readRow(IndexDevice.ReadView v, byte[] h, String name) {
        byte[] live = v.get(Keys.row(Keys.OBJECT, h, name));
        if (live != null) {
            return RowCodec.liveObject(name, live);
        }
        byte[] dead = v.get(Keys.row(Keys.OBJECT_DELETED, h, name));
        return dead == null ? null : ObjectRow.delete(name, RowCodec.deletedObject(dead));
    }

    @Override
    long rowIdOf(byte type, byte[] value) {
        return type == Keys.OBJECT ? RowCodec.liveObjectRowId(value) : RowCodec.deletedObjectRowId(value);
    }

    @Override
    byte[] withRowId(byte type, String name, byte[] value, long rowId) {
        return type == Keys.OBJECT ? RowCodec.liveObject(RowCodec.liveObject(name, value), rowId)
                : RowCodec.deletedObject(RowCodec.deletedObject(value), rowId);
    }

    @Override
    boolean isDeleted(IndexDevice.ReadView v, byte[] h, byte[] stored) {
        return RowCodec.container(stored).isDeleted(RowCodec.containerStats(v.get(Keys.of(Keys.CONTAINER_STATS, h))));
    }

    @Override
    Timestamp deletedAt(byte[] value) {
        return RowCodec.deletedObject(value);
    }

    @Override
    void mergeRows(IndexDevice.WriteView v, byte[] h, byte[] stored, List<ObjectRow> rows) {
        ContainerRecord rec = RowCodec.container(stored);
        for (ObjectRow row : rows) {
            ObjectRows.merge(v, h, rec, row);
        }
    }
}
