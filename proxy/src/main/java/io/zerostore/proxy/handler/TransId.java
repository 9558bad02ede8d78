package io.zerostore.proxy.handler;

import io.zerostore.proxy.backend.Quoting;
import java.util.UUID;

/**
 * Swift's transaction id: {@code tx} + 21 hex digits of a uuid4 + {@code -} + the time as 10 hex
 * digits + an optional suffix ({@code trans_id_suffix}, then {@code -} and up to 32 chars of the
 * client's {@code X-Trans-Id-Extra}), e.g. {@code tx97be92d0b12c4055ae00a-006b072c9d}.
 */
public final class TransId {
    private TransId() {}

    public static String generate(String configuredSuffix, String extra) {
        String suffix = configuredSuffix == null ? "" : configuredSuffix;
        if (extra != null && !extra.isEmpty()) {
            suffix += "-" + extra.substring(0, Math.min(32, extra.length()));
        }
        String uuid = UUID.randomUUID().toString().replace("-", "").substring(0, 21);
        return "tx" + uuid + "-" + String.format("%010x", System.currentTimeMillis() / 1000) + Quoting.quote(suffix);
    }
}
