package io.zerostore.node.index;

/** A row as replication moves it: the row and its row id on the replica that sends it. */
public record LoggedRow<R>(long rowId, R row) {}
