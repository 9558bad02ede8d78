package io.zerostore.node.replication;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.zerostore.common.http.client.ClientExchange;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.common.http.client.ClientOptions;
import io.zerostore.common.http.client.HttpClient;
import io.zerostore.common.ring.Device;
import io.zerostore.node.diskfile.MetadataTrailer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The replicator's side of {@link ReplicationServer}'s endpoints, on its own pooled HTTP client
 * (replication waits longer than the request path may). Calls block the calling replicator
 * thread, never a network thread. Peers are reached at their replication address.
 */
final class ReplicationClient implements AutoCloseable {
    static final HttpMethod REPLICATE = HttpMethod.valueOf("REPLICATE");
    static final HttpMethod SSYNC = HttpMethod.valueOf("SSYNC");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {};
    private static final String USER_AGENT = "object-replicator " + ProcessHandle.current().pid();

    private final HttpClient http;
    private final Duration httpTimeout;
    private final Duration pushTimeout;

    ReplicationClient(EventLoopGroup loops, ReplicatorConfig config) {
        this.http = new HttpClient(loops, new ClientOptions(config.connTimeout(), config.httpTimeout(),
                Duration.ofSeconds(60)));
        this.httpTimeout = config.httpTimeout();
        this.pushTimeout = config.pushTimeout();
    }

    private static InetSocketAddress address(Device d) {
        return new InetSocketAddress(d.replicationIp(), d.replicationPort());
    }

    private static String path(Device d, int partition) {
        return "/" + URLEncoder.encode(d.device(), StandardCharsets.UTF_8).replace("+", "%20") + "/" + partition;
    }

    /** The peer's suffix hashes of the partition, after it recalculated {@code recalculate}. */
    TreeMap<String, String> replicate(Device peer, int partition, Collection<String> recalculate)
            throws ReplicationException {
        String uri = path(peer, partition) + (recalculate.isEmpty() ? "" : "/" + String.join("-", recalculate));
        HttpClient.FullResponse res = send(peer, request(REPLICATE, uri, peer, new byte[0]));
        try {
            return JSON.readValue(res.body(), MAP);
        } catch (IOException e) {
            throw new ReplicationException("bad REPLICATE answer from " + peer.hostPort(), e);
        }
    }

    /** The files of {@code offer} (see {@link MissingCheck}) the peer wants. */
    List<MissingCheck.Want> missingCheck(Device peer, int partition, String offer) throws ReplicationException {
        HttpClient.FullResponse res = send(peer, request(SSYNC, path(peer, partition), peer,
                offer.getBytes(StandardCharsets.UTF_8)));
        try {
            return MissingCheck.decodeWants(res.body());
        } catch (IllegalArgumentException e) {
            throw new ReplicationException("bad missing check answer from " + peer.hostPort(), e);
        }
    }

    private static FullHttpRequest request(HttpMethod method, String uri, Device peer, byte[] body) {
        FullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri,
                Unpooled.wrappedBuffer(body));
        req.headers().set("Host", peer.hostPort());
        req.headers().set("Content-Length", body.length);
        req.headers().set("User-Agent", USER_AGENT);
        return req;
    }

    private HttpClient.FullResponse send(Device peer, FullHttpRequest req) throws ReplicationException {
        String what = req.method() + " " + req.uri() + " on " + peer.hostPort();
        HttpClient.FullResponse res;
        try {
            res = http.send(address(peer), req).get(httpTimeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new ReplicationException(what + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new ReplicationException(what + " timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplicationException(what + " interrupted", e);
        }
        if (res.status() != 200) {
            throw new ReplicationException(res.status(), what + ": " + res.status());
        }
        return res;
    }

    /**
     * Pushes one version file, byte for byte with sendfile. Completes with the peer's status: 201
     * stored, 409 not wanted, 422 the peer found the copy unsound; with 404 at once when the local
     * file is gone (a newer version replaced it meanwhile). Fails with {@link ReplicationException}
     * for no answer within push_timeout or any other status.
     *
     * @throws MetadataTrailer.CorruptFileException the local file's trailer is unreadable (nothing is sent)
     */
    CompletableFuture<Integer> push(Device peer, int partition, String hash, Path file) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(file);
        } catch (NoSuchFileException e) {
            return CompletableFuture.completedFuture(404);
        }
        long size;
        long bodyLength;
        try {
            size = ch.size();
            bodyLength = MetadataTrailer.read(ch).bodyLength();
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        String what = "SSYNC " + file.getFileName() + " to " + peer.hostPort();
        HttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, SSYNC,
                path(peer, partition) + "/" + hash + "/" + file.getFileName());
        head.headers().set("Host", peer.hostPort());
        head.headers().set("Content-Length", size);
        head.headers().set("Expect", "100-continue");
        head.headers().set(ReplicationServer.BODY_LENGTH, bodyLength);
        head.headers().set("User-Agent", USER_AGENT);
        AtomicReference<ClientExchange> exchange = new AtomicReference<>();
        CompletableFuture<Integer> status = http.open(address(peer), head).thenCompose(ex -> {
            exchange.set(ex);
            return ex.continued().thenCompose(go -> {
                if (go) {
                    ex.channel().writeAndFlush(new BorrowedRegion(ch, size));
                    ex.end();
                }
                return ex.response();
            }).thenCompose(res -> BodyCollector.collect(ex.body(), 64 * 1024).thenApply(body -> res.status().code()));
        });
        return status.orTimeout(pushTimeout.toMillis(), TimeUnit.MILLISECONDS).handle((code, err) -> {
            try {
                ch.close();
            } catch (IOException ignored) {
                // read-only
            }
            if (err != null) {
                ClientExchange ex = exchange.get();
                if (ex != null) {
                    ex.abort();
                }
                Throwable cause = SwiftException.unwrap(err);
                throw new java.util.concurrent.CompletionException(
                        new ReplicationException(what + " failed: " + cause, cause));
            }
            if (code != 201 && code != 409 && code != 422) {
                throw new java.util.concurrent.CompletionException(new ReplicationException(code, what + ": " + code));
            }
            return code;
        });
    }

    @Override
    public void close() {
        http.close();
    }

    /** Sends the file with sendfile; the channel stays the caller's to close. */
    private static final class BorrowedRegion extends DefaultFileRegion {
        BorrowedRegion(FileChannel file, long count) {
            super(file, 0, count);
        }

        @Override
        protected void deallocate() {
            // closed by push() once the answer is in
        }
    }
}
