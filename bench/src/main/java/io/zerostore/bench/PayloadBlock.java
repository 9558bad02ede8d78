package io.zerostore.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * One block of pseudo-random bytes that every request body is cut from: small PUTs send a
 * prefix of it, large PUTs send it over and over. Generated once, never copied per request
 * (slices of an unreleasable direct buffer), so producing a body costs the generator nothing.
 */
final class PayloadBlock {
    static final int SIZE = 1 << 20;

    private final ByteBuf block;
    private final byte[] heapCopy;

    PayloadBlock(long seed) {
        heapCopy = new byte[SIZE];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < SIZE; i += 8) {
            long v = random.nextLong();
            for (int j = 0; j < 8; j++) {
                heapCopy[i + j] = (byte) (v >>> (8 * j));
            }
        }
        block = Unpooled.unreleasableBuffer(Unpooled.directBuffer(SIZE).writeBytes(heapCopy));
    }

    /** A read-only view of the first {@code length} bytes (length at most {@link #SIZE}). */
    ByteBuf slice(int length) {
        return block.slice(0, length);
    }

    /** Hex MD5 of a body of {@code length} bytes as {@link GeneratedBody} streams it. */
    String md5Hex(long length) {
        MessageDigest md5 = newMd5();
        long left = length;
        while (left > 0) {
            int n = (int) Math.min(left, SIZE);
            md5.update(heapCopy, 0, n);
            left -= n;
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has MD5", e);
        }
    }
}
