package io.zerostore.node.index;

/**
 * The result of an object row update: the outcome ({@link Outcome#ACCEPTED} also when the row was
 * older than the stored one and ignored) and whether the container's account now has a pending report.
 */
public record RowUpdate(Outcome outcome, boolean reportPending) {}
