package io.zerostore.node.index;

import io.zerostore.common.swift.ListingEntry;
import java.util.List;

/**
 * A listing with the account or container state it was read with (one snapshot, so the stats
 * headers and the rows agree). {@code info} is null when the account or container does not exist.
 */
public record Listing<I>(I info, List<ListingEntry> entries) {
    public Listing {
        entries = List.copyOf(entries);
    }
}
