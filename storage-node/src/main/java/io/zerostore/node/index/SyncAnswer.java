package io.zerostore.node.index;

/**
 * A replica's answer to a sync: its identity and highest row id, and {@code point}, the highest row
 * id of the asking replica it has merged (the asker pushes the rows above it).
 */
public record SyncAnswer(ReplicaId id, long maxRowId, long point) {}
