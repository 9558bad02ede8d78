package io.zerostore.proxy.controller;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.zerostore.common.http.BodySubscriber;
import io.zerostore.common.http.HttpExchange;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.proxy.backend.BodyStream;

/**
 * Writes a {@link ProxyResponse} to the client. A streamed body is relayed one chunk at a time:
 * the next chunk is requested from the storage server only when the client's connection can take
 * more, so a slow client slows the server's reads instead of filling the proxy's memory.
 */
public final class ResponseWriter {
    private static final System.Logger LOG = System.getLogger(ResponseWriter.class.getName());
    static final String DEFAULT_TYPE = "text/html; charset=UTF-8";

    private ResponseWriter() {}

    public static void write(HttpExchange ex, ProxyResponse r) {
        HttpHeaders h = r.headers();
        if (!h.contains("Content-Type") && !r.isTypeless()) {
            h.set("Content-Type", DEFAULT_TYPE);
        }
        BodyStream stream = r.stream();
        if (stream == null) {
            byte[] body = r.body();
            if (!h.contains("Content-Length")) {
                // Swift sends no error page to HEAD, and says so in the length
                h.set("Content-Length", ex.method().equals(HttpMethod.HEAD) ? 0 : body.length);
            }
            ex.respond(r.status(), h, Unpooled.wrappedBuffer(body));
            return;
        }
        if (ex.method().equals(HttpMethod.HEAD) || !ex.isOpen()) {
            stream.body().discard();
            if (!h.contains("Content-Length")) {
                h.set("Content-Length", 0);
            }
            ex.respond(r.status(), h, Unpooled.EMPTY_BUFFER);
            return;
        }
        HttpResponse head = ex.newHead(r.status());
        head.headers().set(h);
        ex.writeHead(head);
        relay(ex, stream);
    }

    /** Answers with a Swift error, or cuts the connection when the response already started. */
    public static void writeError(HttpExchange ex, Throwable err) {
        Throwable cause = SwiftException.unwrap(err);
        if (ex.headSent()) {
            ex.abort();
            return;
        }
        if (cause instanceof SwiftException se) {
            write(ex, ProxyResponse.error(se));
        } else {
            LOG.log(System.Logger.Level.ERROR, "unhandled error for " + ex.method() + " " + ex.request().uri(), cause);
            write(ex, ProxyResponse.error(SwiftException.plain(500, "An error occurred")));
        }
    }

    private static void relay(HttpExchange ex, BodyStream stream) {
        relay(ex, stream, new long[1]);
    }

    /**
     * One source's part of the body; {@code delivered} counts the bytes the client got from all
     * sources so far. A source that breaks off mid-body hands over to the next replica when the
     * body can resume; otherwise the client must see a short read.
     */
    private static void relay(HttpExchange ex, BodyStream stream, long[] delivered) {
        stream.body().subscribe(new BodySubscriber() {
            @Override
            public void onChunk(ByteBuf chunk) {
                delivered[0] += chunk.readableBytes();
                ex.write(chunk).addListener(f -> {
                    if (!f.isSuccess()) {
                        stream.abort();
                    }
                });
                if (ex.isWritable()) {
                    stream.body().request();
                } else {
                    ex.onWritable(() -> {
                        if (ex.isOpen()) {
                            stream.body().request();
                        } else {
                            stream.abort();
                        }
                    });
                }
            }

            @Override
            public void onEnd() {
                ex.end();
            }

            @Override
            public void onError(Throwable cause) {
                stream.abort();
                if (!ex.isOpen()) {
                    return;
                }
                stream.resumeAt(delivered[0]).whenComplete((rest, err) -> {
                    if (rest == null || !ex.isOpen()) {
                        if (rest != null) {
                            rest.abort();
                        }
                        ex.abort();
                    } else {
                        LOG.log(System.Logger.Level.INFO, "resuming " + ex.request().uri() + " at byte "
                                + delivered[0] + " from another replica: " + cause);
                        relay(ex, rest, delivered);
                    }
                });
            }
        });
    }
}
