package io.zerostore.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The control-plane calls a workload makes before it starts: a TempAuth (v1.0) login and
 * creating its container. Off the measured path, so the JDK's HTTP client is enough.
 */
final class TempAuth {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();

    private TempAuth() {
    }

    static SwiftSession login(URI authUrl, String user, String key) throws IOException, InterruptedException {
        HttpResponse<Void> r = CLIENT.send(HttpRequest.newBuilder(authUrl)
                .header("X-Auth-User", user)
                .header("X-Auth-Key", key)
                .timeout(Duration.ofSeconds(30))
                .GET().build(),
            HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() / 100 != 2) {
            throw new IOException("auth at " + authUrl + " answered " + r.statusCode());
        }
        String url = r.headers().firstValue("X-Storage-Url")
            .orElseThrow(() -> new IOException("auth response has no X-Storage-Url"));
        String token = r.headers().firstValue("X-Auth-Token")
            .orElseThrow(() -> new IOException("auth response has no X-Auth-Token"));
        return new SwiftSession(URI.create(url), token);
    }

    /** PUT the container (201 new, 202 existing). */
    static void ensureContainer(SwiftSession session, String container) throws IOException, InterruptedException {
        URI uri = session.storageUrl().resolve(session.path(container));
        HttpResponse<Void> r = CLIENT.send(HttpRequest.newBuilder(uri)
                .header("X-Auth-Token", session.token())
                .timeout(Duration.ofSeconds(60))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() / 100 != 2) {
            throw new IOException("PUT container " + uri + " answered " + r.statusCode());
        }
    }
}
