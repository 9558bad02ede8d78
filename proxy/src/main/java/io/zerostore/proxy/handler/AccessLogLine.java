package io.zerostore.proxy.handler;

import io.zerostore.proxy.backend.Quoting;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One line of Swift's proxy access log, fields in Swift's default order, each URL-quoted and
 * {@code -} when missing or zero:
 * {@code client_ip remote_addr end_time.datetime method path protocol status_int referer user_agent
 * auth_token bytes_recvd bytes_sent client_etag transaction_id headers request_time source log_info
 * start_time end_time policy_index}.
 */
public record AccessLogLine(String clientIp, String remoteAddr, String method, String path, String protocol,
                            int status, String referer, String userAgent, String authToken, long bytesReceived,
                            long bytesSent, String clientEtag, String transId, String source,
                            long startNanosEpoch, long endNanosEpoch) {
    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy/HH/mm/ss", Locale.US).withZone(ZoneOffset.UTC);
    /** Swift's reveal_sensitive_prefix: how much of a token a log shows. */
    static final int REVEAL = 16;

    public String format() {
        double seconds = (endNanosEpoch - startNanosEpoch) / 1e9;
        String token = authToken == null ? null
                : authToken.length() > REVEAL ? authToken.substring(0, REVEAL) + "..." : authToken;
        Object[] fields = {clientIp, remoteAddr,
                DATETIME.format(Instant.ofEpochSecond(0, endNanosEpoch)), method, path, protocol, status, referer,
                userAgent, token, bytesReceived, bytesSent, clientEtag, transId, null,
                String.format(Locale.ROOT, "%.4f", seconds), source, null, epoch(startNanosEpoch),
                epoch(endNanosEpoch), null};
        StringBuilder sb = new StringBuilder(256);
        for (Object f : fields) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            String s = f == null ? "" : f.toString();
            sb.append(s.isEmpty() || s.equals("0") ? "-" : Quoting.quote(s, ":/{}"));
        }
        return sb.toString();
    }

    private static String epoch(long nanos) {
        return String.format(Locale.ROOT, "%d.%09d", nanos / 1_000_000_000L, nanos % 1_000_000_000L);
    }
}
