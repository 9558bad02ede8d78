package io.zerostore.node.index;

import io.zerostore.common.swift.HashPath;
import io.zerostore.common.swift.Timestamp;
import java.util.List;

/** {@link ReplicaDb} of a device's accounts: container rows merge through {@link ContainerRows}. */
final class AccountReplicas extends RocksDbReplicas<ContainerRow> {
    private static final RowTypes ROWS = new RowTypes(Keys.CONTAINER_ROW, Keys.CONTAINER_ROW_DELETED);

    AccountReplicas(IndexDevice device, HashPath hashPath) {
        super(device, hashPath);
    }

    @Override
    byte recordType() {
        return Keys.ACCOUNT;
    }

    @Override
    byte[] extraKeyTypes() {
        return new byte[] {Keys.ACCOUNT_STATS};
    }

    @Override
    RowTypes rowTypes() {
        return ROWS;
    }

    @Override
    ReplicaRecord decodeRecord(byte[] value) {
        return RowCodec.account(value).replica();
    }

    @Override
    byte[] hashOf(ReplicaRecord r) {
        if (r.container() != null) {
            throw new IllegalArgumentException("an account record has no container name");
        }
        return hashPath.digest(r.account(), null, null);
    }

    @Override
    boolean mergeRecord(IndexDevice.WriteView v, byte[] h, byte[] stored, ReplicaRecord peer) {
        AccountRecord old = RowCodec.account(stored);
        AccountRecord merged = old == null ? AccountRecord.of(peer) : old.mergedWith(peer);
        if (merged.equals(old)) {
            return false;
        }
        v.put(Keys.of(Keys.ACCOUNT, h), RowCodec.account(merged));
        return true;
    }

    @Override
    ContainerRow readRow(IndexDevice.ReadView v, byte[] h, String name) {
        byte[] value = v.get(Keys.row(Keys.CONTAINER_ROW, h, name));
        if (value == null) {
            value = v.get(Keys.row(Keys.CONTAINER_ROW_DELETED, h, name));
        }
        return RowCodec.containerRow(name, value);
    }

    @Override
    long rowIdOf(byte type, byte[] value) {
        return RowCodec.containerRowId(value);
    }

    @Override
    byte[] withRowId(byte type, String name, byte[] value, long rowId) {
        return RowCodec.containerRow(RowCodec.containerRow(name, value), rowId);
    }

    @Override
    boolean isDeleted(IndexDevice.ReadView v, byte[] h, byte[] stored) {
        return RowCodec.account(stored).isDeleted(RowCodec.accountStats(v.get(Keys.of(Keys.ACCOUNT_STATS, h))));
    }

    /** A deleted container row is gone since its delete (Swift reclaims by {@code delete_timestamp}). */
    @Override
    Timestamp deletedAt(byte[] value) {
        return RowCodec.containerRow("-", value).deleteTimestamp();
    }

    @Override
    void reclaimed(IndexDevice.WriteView v, byte[] h, byte[] value) {
        ContainerRow row = RowCodec.containerRow("-", value);
        if (row.objectCount() != 0 || row.bytesUsed() != 0) {
            byte[] statsKey = Keys.of(Keys.ACCOUNT_STATS, h);
            AccountRecord.Stats stats = RowCodec.accountStats(v.get(statsKey));
            v.put(statsKey, RowCodec.accountStats(stats.plus(0, -row.objectCount(), -row.bytesUsed())));
        }
    }

    @Override
    void mergeRows(IndexDevice.WriteView v, byte[] h, byte[] stored, List<ContainerRow> rows) {
        for (ContainerRow row : rows) {
            ContainerRows.merge(v, h, row, false);
        }
    }
}
