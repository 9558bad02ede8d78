package io.zerostore.bench;

import java.net.URI;

/** A TempAuth login: where the account lives and the token that opens it. */
record SwiftSession(URI storageUrl, String token) {

    /** Path of a container or object under the account, each segment URL-encoded. */
    String path(String... segments) {
        StringBuilder b = new StringBuilder(storageUrl.getRawPath());
        for (String s : segments) {
            b.append('/').append(PathEncoding.encode(s));
        }
        return b.toString();
    }
}
