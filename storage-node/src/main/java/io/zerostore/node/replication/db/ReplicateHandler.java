package io.zerostore.node.replication.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.zerostore.common.http.BodySubscriber;
import io.zerostore.common.http.HttpExchange;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.node.index.IndexDevices;
import io.zerostore.node.index.LoggedRow;
import io.zerostore.node.index.ReplicaDb;
import io.zerostore.node.index.ReplicaId;
import io.zerostore.node.server.db.DbResponses;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The server side of DB replication: Swift's {@code REPLICATE /<device>/<partition>/<hash>} on the
 * container and account servers. The JSON body names the operation:
 * <ul>
 * <li>{@code {"op":"sync","id","max_row","record"}}: merge the sender's record (creating it), answer
 * 200 {@code {"id","max_row","point"}} where {@code point} is the highest of the sender's row ids
 * merged here;</li>
 * <li>{@code {"op":"merge_items","id","items":[...]}}: merge rows and raise the sender's point (202;
 * 404 when the record is missing);</li>
 * <li>{@code {"op":"merge_syncs","syncs":{id: point}}}: raise sync points (202).</li>
 * </ul>
 * Bad input is 400; the device's DB answers 503/507 as for any request.
 */
public final class ReplicateHandler<R> {
    /** Largest body taken: a {@code per_diff} batch of long names stays far below. */
    static final int MAX_BODY = 32 << 20;

    private final DbKind<R> kind;
    private final IndexDevices devices;
    private final Consumer<String> onMerged;

    /** @param onMerged told the device after rows or a record merged (the container server nudges its account updates) */
    public ReplicateHandler(DbKind<R> kind, IndexDevices devices, Consumer<String> onMerged) {
        this.kind = kind;
        this.devices = devices;
        this.onMerged = onMerged;
    }

    public static boolean isReplicate(HttpExchange ex) {
        return ex.method().name().equals("REPLICATE");
    }

    public void handle(HttpExchange ex) {
        String[] p = ex.path().path().split("/");
        if (p.length != 4 || !p[0].isEmpty() || p[1].isEmpty() || p[1].equals(".") || p[1].equals("..")
                || !p[2].matches("[0-9]+") || !p[3].matches("[0-9a-f]{32}")) {
            ex.body().discard();
            throw SwiftException.plain(400, "Invalid path: " + ex.path().path());
        }
        String device = p[1];
        String hash = p[3];
        readBody(ex).thenApplyAsync(ReplicateHandler::parse)
                .thenCompose(body -> kind.db(devices, device).thenCompose(db -> dispatch(db, device, hash, body)))
                .whenComplete((answer, err) -> {
                    if (err == null) {
                        answer.accept(ex);
                        return;
                    }
                    Throwable c = SwiftException.unwrap(err);
                    if (c instanceof IllegalArgumentException) {
                        ex.respondError(SwiftException.plain(400, "Invalid REPLICATE request: " + c.getMessage()));
                    } else {
                        DbResponses.fail(ex, c, device);
                    }
                });
    }

    private CompletableFuture<Consumer<HttpExchange>> dispatch(ReplicaDb<R> db, String device, String hash,
                                                               JsonNode body) {
        String op = WireFormat.text(body, "op");
        switch (op) {
            case "sync" -> {
                ReplicaId sender = WireFormat.id(body, "id");
                return db.mergeRecord(hash, WireFormat.record(body.get("record")), sender).thenApply(a -> {
                    onMerged.accept(device);
                    ObjectNode out = WireFormat.JSON.createObjectNode().put("id", a.id().toString())
                            .put("max_row", a.maxRowId()).put("point", a.point());
                    return json(out);
                });
            }
            case "merge_items" -> {
                ReplicaId sender = WireFormat.id(body, "id");
                List<LoggedRow<R>> rows = new ArrayList<>();
                for (JsonNode item : body.path("items")) {
                    rows.add(kind.rows().read(item));
                }
                return db.mergeRows(hash, sender, rows).thenApply(merged -> {
                    if (!merged) {
                        return status(404);
                    }
                    onMerged.accept(device);
                    return status(202);
                });
            }
            case "merge_syncs" -> {
                return db.mergeSyncs(hash, WireFormat.syncPoints(body.path("syncs"))).thenApply(x -> status(202));
            }
            default -> throw new IllegalArgumentException("unknown op " + op);
        }
    }

    private static Consumer<HttpExchange> json(ObjectNode body) {
        return ex -> {
            HttpHeaders h = new DefaultHttpHeaders().set("Content-Type", "application/json");
            ex.respond(200, h, Unpooled.wrappedBuffer(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        };
    }

    private static Consumer<HttpExchange> status(int code) {
        return ex -> DbResponses.status(ex, code, DbResponses.headers());
    }

    /** The whole (bounded) request body; 413 past {@link #MAX_BODY} (the rest is read and dropped). */
    private static CompletableFuture<ByteBuf> readBody(HttpExchange ex) {
        CompletableFuture<ByteBuf> f = new CompletableFuture<>();
        CompositeByteBuf buf = Unpooled.compositeBuffer(Integer.MAX_VALUE);
        ex.body().subscribe(new BodySubscriber() {
            private boolean tooLarge;

            @Override
            public void onChunk(ByteBuf chunk) {
                if (tooLarge || buf.readableBytes() + chunk.readableBytes() > MAX_BODY) {
                    tooLarge = true;
                    chunk.release();
                } else {
                    buf.addComponent(true, chunk);
                }
                ex.body().request();
            }

            @Override
            public void onEnd() {
                if (tooLarge) {
                    buf.release();
                    f.completeExceptionally(SwiftException.plain(413, "REPLICATE body too large"));
                } else {
                    f.complete(buf);
                }
            }

            @Override
            public void onError(Throwable cause) {
                buf.release();
                f.completeExceptionally(cause);
            }
        });
        return f;
    }

    /** Kept here so the body buffer is released whatever the JSON holds. */
    static JsonNode parse(ByteBuf body) {
        try (InputStream in = new ByteBufInputStream(body, true)) {
            JsonNode n = WireFormat.JSON.readTree(in);
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("body is not a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new IllegalArgumentException("body is not JSON: " + e.getMessage());
        }
    }
}
