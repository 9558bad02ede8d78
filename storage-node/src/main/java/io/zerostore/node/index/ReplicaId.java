package io.zerostore.node.index;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The identity of one replica of a container or account DB (Swift's DB {@code id}): random, made
 * when the replica first needs one, and gone with it. Row ids are only comparable within one
 * identity, so sync points are kept per identity; a replica removed and made again starts afresh.
 */
public final class ReplicaId {
    public static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;

    ReplicaId(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("replica id needs " + LENGTH + " bytes");
        }
        this.bytes = bytes.clone();
    }

    static ReplicaId random() {
        byte[] b = new byte[LENGTH];
        RANDOM.nextBytes(b);
        return new ReplicaId(b);
    }

    /** Parses the 32 hex digits of {@link #toString()}; IllegalArgumentException when malformed. */
    public static ReplicaId parse(String hex) {
        if (hex == null || hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("bad replica id " + hex);
        }
        return new ReplicaId(HexFormat.of().parseHex(hex));
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReplicaId r && Arrays.equals(r.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
