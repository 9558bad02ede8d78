package io.zerostore.node.index;

/** A container (container non-null) or account record found on a device, by its path hash in hex. */
public record RecordRef(String hash, String account, String container) {}
