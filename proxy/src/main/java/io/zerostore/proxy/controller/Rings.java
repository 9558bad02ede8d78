package io.zerostore.proxy.controller;

import io.zerostore.common.ring.Ring;
import io.zerostore.common.swift.HashPath;
import java.util.function.Supplier;

/**
 * The three rings and the cluster's hash secrets: where every account, container and object lives.
 * Rings are suppliers so a {@link io.zerostore.common.ring.ReloadingRing} can swap in a new ring.
 */
public record Rings(Supplier<Ring> account, Supplier<Ring> container, Supplier<Ring> object, HashPath hashPath) {

    public int accountPartition(String a) {
        return account.get().partition(hashPath.digest(a, null, null));
    }

    public int containerPartition(String a, String c) {
        return container.get().partition(hashPath.digest(a, c, null));
    }

    public int objectPartition(String a, String c, String o) {
        return object.get().partition(hashPath.digest(a, c, o));
    }
}
