package io.zerostore.node.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain JDK HTTP client for the backend object API in tests. */
public final class ObjectClient {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public ObjectClient(String host, int port) {
        this.base = "http://" + host + ":" + port;
    }

    public HttpResponse<byte[]> send(String method, String path, byte[] body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public <T> HttpResponse<T> send(HttpRequest.Builder b, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return http.send(b.build(), handler);
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    }

    public HttpResponse<byte[]> put(String path, byte[] body, String... headers) throws Exception {
        return send("PUT", path, body, headers);
    }

    public HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        return send("GET", path, null, headers);
    }

    public HttpResponse<byte[]> head(String path, String... headers) throws Exception {
        return send("HEAD", path, null, headers);
    }

    public HttpResponse<byte[]> post(String path, String... headers) throws Exception {
        return send("POST", path, null, headers);
    }

    public HttpResponse<byte[]> delete(String path, String... headers) throws Exception {
        return send("DELETE", path, null, headers);
    }
}
