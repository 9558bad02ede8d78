package io.zerostore.proxy.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A small Swift client for tests (the JDK's HTTP client): logs in with TempAuth and sends
 * requests relative to the storage URL with the token.
 */
public final class SwiftClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** A response read whole. */
    public record Res(int status, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + text();
        }
    }

    private final String url;
    private String token;
    private String storageUrl;

    public SwiftClient(String url) {
        this.url = url;
    }

    /** Gets a token with {@code GET /auth/v1.0}; fails unless 200. */
    public SwiftClient login(String user, String key) throws IOException, InterruptedException {
        Res r = raw("GET", "/auth/v1.0", null, "X-Auth-User", user, "X-Auth-Key", key);
        if (r.status() != 200) {
            throw new IllegalStateException("login of " + user + " failed: " + r);
        }
        SwiftClient c = new SwiftClient(url);
        c.token = r.header("X-Auth-Token");
        c.storageUrl = r.header("X-Storage-Url");
        return c;
    }

    /** The same client for another account of the same user (for cross-account tests). */
    public SwiftClient withStorageUrl(String storage) {
        SwiftClient c = new SwiftClient(url);
        c.token = token;
        c.storageUrl = storage;
        return c;
    }

    public SwiftClient anonymous(String storage) {
        SwiftClient c = new SwiftClient(url);
        c.storageUrl = storage;
        return c;
    }

    public String token() {
        return token;
    }

    public String storageUrl() {
        return storageUrl;
    }

    /** A request to the storage URL + {@code rel} ({@code ""}, {@code /c}, {@code /c/o}) with the token. */
    public Res call(String method, String rel, byte[] body, String... headers) throws IOException, InterruptedException {
        String[] all = headers;
        if (token != null) {
            all = new String[headers.length + 2];
            System.arraycopy(headers, 0, all, 0, headers.length);
            all[headers.length] = "X-Auth-Token";
            all[headers.length + 1] = token;
        }
        return send(method, URI.create(storageUrl + rel), body, all);
    }

    public Res call(String method, String rel, String... headers) throws IOException, InterruptedException {
        return call(method, rel, null, headers);
    }

    /** A request to a path of the proxy, without the token. */
    public Res raw(String method, String path, byte[] body, String... headers) throws IOException, InterruptedException {
        return send(method, URI.create(url + path), body, headers);
    }

    private static Res send(String method, URI uri, byte[] body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Res(r.statusCode(), r.headers().map(), r.body());
    }
}
