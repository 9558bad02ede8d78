package io.zerostore.common.swift;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Swift's {@code hash_path}: md5(prefix + "/" + join("/", a[, c[, o]]) + suffix). The digest picks the
 * partition (ring) and names the object's directory on disk, so every process of a cluster must
 * share the same prefix and suffix.
 */
public final class HashPath {
    private final byte[] prefix;
    private final byte[] suffix;

    public HashPath(String prefix, String suffix) {
        if (prefix.isEmpty() && suffix.isEmpty()) {
            throw new IllegalArgumentException("swift_hash_path_prefix and suffix cannot both be empty");
        }
        this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
        this.suffix = suffix.getBytes(StandardCharsets.UTF_8);
    }

    public byte[] digest(String account, String container, String object) {
        MessageDigest md5 = md5();
        md5.update(prefix);
        md5.update((byte) '/');
        md5.update(account.getBytes(StandardCharsets.UTF_8));
        if (container != null) {
            md5.update((byte) '/');
            md5.update(container.getBytes(StandardCharsets.UTF_8));
            if (object != null) {
                md5.update((byte) '/');
                md5.update(object.getBytes(StandardCharsets.UTF_8));
            }
        }
        md5.update(suffix);
        return md5.digest();
    }

    public String hex(String account, String container, String object) {
        return HexFormat.of().formatHex(digest(account, container, object));
    }

    public static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by the JDK spec", e);
        }
    }
}
