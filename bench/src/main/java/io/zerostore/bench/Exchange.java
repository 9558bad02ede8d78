package io.zerostore.bench;

import java.security.MessageDigest;
import java.util.HexFormat;

/** The state of one request/response pair while it is in flight on a connection. */
final class Exchange {
    final Request request;
    long startNanos;
    long endNanos;
    int status;
    long bytesIn;
    String etag;
    boolean keepAlive = true;
    boolean requestWritten;
    MessageDigest digest;

    Exchange(Request request) {
        this.request = request;
    }

    boolean success() {
        return status >= 200 && status < 300;
    }

    long latencyNanos() {
        return endNanos - startNanos;
    }

    /** False when a digest or an expected ETag was asked for and the response disagrees. */
    boolean etagMatches() {
        String got = etag == null ? null : etag.replace("\"", "");
        if (request.expectedEtag() != null && !request.expectedEtag().equalsIgnoreCase(got)) {
            return false;
        }
        if (digest != null) {
            return HexFormat.of().formatHex(digest.digest()).equalsIgnoreCase(got);
        }
        return true;
    }
}
