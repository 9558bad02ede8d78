package io.zerostore.proxy.backend;

import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.zerostore.common.http.InboundBody;
import io.zerostore.common.ring.Device;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Swift's resuming GET: when the replica serving an object's body breaks off, the rest is asked of
 * the replicas not tried yet, with {@code Range} from the first byte the client has not had and
 * {@code If-Match} on the ETag, so the client gets one whole body out of several nodes. A body of
 * several ranges ({@code multipart/byteranges}) is not resumed, nor one without an ETag.
 */
final class ResumingGet {
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    private final BackendClient client;
    private final NodeIterator nodes;
    private final Function<Device, HttpRequest> head;
    private final EventLoop loop;
    private final String etag;
    /** The body's bytes within the object, first and last inclusive. */
    private final long first;
    private final long last;

    private ResumingGet(BackendClient client, NodeIterator nodes, Function<Device, HttpRequest> head, EventLoop loop,
                        String etag, long first, long last) {
        this.client = client;
        this.nodes = nodes;
        this.head = head;
        this.loop = loop;
        this.etag = etag;
        this.first = first;
        this.last = last;
    }

    /** The resumable form of a good object GET's body, or the plain body when it cannot resume. */
    static BodyStream body(BackendClient client, NodeIterator nodes, Function<Device, HttpRequest> head,
                           EventLoop loop, NodeFetcher.Source source) {
        BodyStream body = source.body();
        HttpHeaders h = source.head().headers();
        String etag = h.get("Etag");
        long[] span = span(source.status(), h);
        if (etag == null || span == null) {
            return body;
        }
        return new ResumingGet(client, nodes, head, loop, etag, span[0], span[1]).resumable(body);
    }

    /** {@code body}, resuming from the replicas not tried yet when it breaks off (again). */
    private BodyStream resumable(BodyStream body) {
        return new BodyStream() {
            @Override
            public InboundBody body() {
                return body.body();
            }

            @Override
            public void abort() {
                body.abort();
            }

            @Override
            public CompletableFuture<BodyStream> resumeAt(long delivered) {
                return from(first + delivered);
            }
        };
    }

    /** First and last byte of a single-part body: all of a 200, the one range of a 206. */
    private static long[] span(int status, HttpHeaders h) {
        String type = h.get("Content-Type");
        if (type != null && type.startsWith("multipart/byteranges")) {
            return null;
        }
        if (status == 200) {
            String length = h.get("Content-Length");
            long n = length != null && length.strip().matches("\\d{1,18}") ? Long.parseLong(length.strip()) : 0;
            return n > 0 ? new long[] {0, n - 1} : null;
        }
        if (status == 206) {
            Matcher m = CONTENT_RANGE.matcher(String.valueOf(h.get("Content-Range")));
            return m.matches() ? new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))} : null;
        }
        return null;
    }

    /** The body from byte {@code offset} of the object on, from the next replica that has the same version. */
    private CompletableFuture<BodyStream> from(long offset) {
        CompletableFuture<BodyStream> result = new CompletableFuture<>();
        if (offset > last) {
            result.complete(null); // all of it went out: only the end was lost
            return result;
        }
        loop.execute(() -> tryNext(offset, result));
        return result;
    }

    private void tryNext(long offset, CompletableFuture<BodyStream> result) {
        Device node = nodes.next();
        if (node == null) {
            result.complete(null);
            return;
        }
        HttpRequest req = head.apply(node);
        req.headers().set("Range", "bytes=" + offset + "-" + last);
        req.headers().remove("If-Range");
        // the same version or nothing: a newer PUT meanwhile must not be spliced into the body
        req.headers().set("If-Match", etag);
        client.open(node, req)
                .thenCompose(ex -> ex.response().thenApply(res -> new NodeFetcher.Source(ex, res, node)))
                .whenCompleteAsync((src, err) -> {
                    if (err != null) {
                        client.errors().errorOccurred(node);
                        tryNext(offset, result);
                    } else if (continues(src, offset)) {
                        result.complete(resumable(src.body()));
                    } else {
                        src.body().abort();
                        tryNext(offset, result);
                    }
                }, loop);
    }

    private boolean continues(NodeFetcher.Source src, long offset) {
        HttpResponse res = src.head();
        if (src.status() != 206 || !etag.equals(res.headers().get("Etag"))) {
            return false;
        }
        long[] span = span(206, res.headers());
        return span != null && span[0] == offset && span[1] == last;
    }
}
