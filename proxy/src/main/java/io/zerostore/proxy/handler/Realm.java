package io.zerostore.proxy.handler;

import io.zerostore.common.http.RequestPath;
import io.zerostore.proxy.backend.Quoting;

/**
 * The realm of a 401's {@code Www-Authenticate} (swob's {@code www_authenticate}): the account of
 * the path, or {@code unknown} when there is none or it is {@code v1.0}/{@code auth}.
 */
final class Realm {
    private Realm() {}

    static String of(String rawUri) {
        int q = rawUri.indexOf('?');
        String raw = q < 0 ? rawUri : rawUri.substring(0, q);
        String path = RequestPath.decode(raw, false);
        if (path == null) {
            return "unknown";
        }
        String[] segs = path.split("/", 4);
        if (segs.length < 3 || !segs[0].isEmpty() || segs[1].isEmpty() || segs[2].isEmpty()) {
            return "unknown";
        }
        String realm = segs[2];
        if (realm.equals("v1.0") || realm.equals("auth")) {
            return "unknown";
        }
        return Quoting.quote(realm);
    }
}
