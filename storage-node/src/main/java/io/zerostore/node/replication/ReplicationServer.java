package io.zerostore.node.replication;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.zerostore.common.http.HttpExchange;
import io.zerostore.common.http.HttpHandler;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.common.swift.SwiftStatus;
import io.zerostore.node.diskfile.DeviceExecutors;
import io.zerostore.node.diskfile.DeviceUnavailableException;
import io.zerostore.node.diskfile.DiskFileConfig;
import io.zerostore.node.diskfile.DiskFileManager;
import io.zerostore.node.diskfile.HashDir;
import io.zerostore.node.server.Responses;
import io.zerostore.node.diskfile.SuffixHashes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * The object server's replication endpoints (OURS, after Swift's REPLICATE and ssync), answered
 * on the object server's port next to the object API. Disk work runs on the device's executor.
 *
 * <ul>
 *   <li>{@code REPLICATE /<dev>/<part>[/<suf>-<suf>...]}: 200 with the partition's suffix hashes as
 *       a JSON object, after recalculating the listed suffixes (Swift: a pickled dict).</li>
 *   <li>{@code SSYNC /<dev>/<part>} with an offer ({@link MissingCheck}): 200 with the wanted files.</li>
 *   <li>{@code SSYNC /<dev>/<part>/<hash>/<file>}: one version file, byte for byte, with
 *       {@code Content-Length} and {@code X-Backend-Body-Length} (its body's length; 0 for
 *       {@code .meta} and {@code .ts}), ideally with {@code Expect: 100-continue}: 201 stored, 409
 *       not wanted (already there or something newer is), 422 not a sound copy.</li>
 * </ul>
 * Errors: 400 bad path or header, 507 unusable device or full disk, 503 device queue full.
 */
public final class ReplicationServer implements HttpHandler {
    static final String BODY_LENGTH = "X-Backend-Body-Length";
    /** Largest offer accepted; senders send at most {@link SuffixSync#OFFER_BATCH} hash directories per check. */
    static final int MAX_OFFER_BYTES = 8 << 20;
    /** Room for the metadata trailer beyond max_file_size (its JSON is capped at 1 MiB). */
    private static final long TRAILER_ROOM = (1 << 20) + 64;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DiskFileManager files;
    private final DeviceExecutors executors;
    private final DiskFileConfig disk;
    private final long reclaimAge;
    private final Duration clientTimeout;
    private final long maxFileSize;
    private final DoubleSupplier clock;
    private final ReplicationMetrics metrics = new ReplicationMetrics();

    /**
     * @param reclaimAge    the replicator's reclaim_age, so that both ends hash alike
     * @param clientTimeout a push that stalls this long is cut off (408)
     * @param clock         seconds since the epoch
     */
    public ReplicationServer(DiskFileManager files, DeviceExecutors executors, DiskFileConfig disk, long reclaimAge,
                             Duration clientTimeout, long maxFileSize, DoubleSupplier clock) {
        this.files = files;
        this.executors = executors;
        this.disk = disk;
        this.reclaimAge = reclaimAge;
        this.clientTimeout = clientTimeout;
        this.maxFileSize = maxFileSize;
        this.clock = clock;
    }

    /** True for the methods this handler serves. */
    public static boolean handles(HttpMethod method) {
        String m = method.name();
        return m.equals("REPLICATE") || m.equals("SSYNC");
    }

    @Override
    public void handle(HttpExchange ex) {
        ReplicationPath p = null;
        try {
            p = ReplicationPath.parse(ex.path());
            if (ex.method().name().equals("REPLICATE")) {
                replicate(ex, p);
            } else if (p.rest() == null) {
                missingCheck(ex, p);
            } else {
                receive(ex, p);
            }
        } catch (RuntimeException e) {
            fail(ex, p == null ? "" : p.device(), e);
        }
    }

    private Path partition(ReplicationPath p) throws DeviceUnavailableException {
        return files.device(p.device()).resolve("objects").resolve(p.partitionDir());
    }

    private void replicate(HttpExchange ex, ReplicationPath p) {
        List<String> suffixes = p.rest() == null ? List.of() : Arrays.asList(p.rest().split("-"));
        for (String s : suffixes) {
            if (!SuffixHashes.isSuffix(s)) {
                throw SwiftException.plain(400, "Invalid suffix: " + s);
            }
        }
        executors.submit(p.device(), () -> SuffixHashes.get(partition(p), suffixes, false, reclaimAge, now()))
                .whenComplete((hashes, err) -> {
                    if (err != null) {
                        fail(ex, p.device(), err);
                        return;
                    }
                    try {
                        HttpHeaders h = new DefaultHttpHeaders();
                        h.set("Content-Type", "application/json");
                        ex.respond(200, h, JSON.writeValueAsString(hashes));
                    } catch (Exception e) {
                        fail(ex, p.device(), e);
                    }
                });
    }

    private void missingCheck(HttpExchange ex, ReplicationPath p) {
        BodyCollector.collect(ex.body(), MAX_OFFER_BYTES)
                .thenCompose(body -> executors.submit(p.device(), () -> wants(p, body)))
                .whenComplete((wants, err) -> {
                    if (err != null) {
                        fail(ex, p.device(), err);
                        return;
                    }
                    HttpHeaders h = new DefaultHttpHeaders();
                    h.set("Content-Type", "text/plain; charset=utf-8");
                    ex.respond(200, h, MissingCheck.encodeWants(wants));
                });
    }

    private List<MissingCheck.Want> wants(ReplicationPath p, byte[] body) throws Exception {
        List<MissingCheck.Offer> offers;
        try {
            offers = MissingCheck.decodeOffers(body);
        } catch (IllegalArgumentException e) {
            throw SwiftException.plain(400, e.getMessage());
        }
        Path part = partition(p);
        List<MissingCheck.Want> wants = new ArrayList<>();
        for (MissingCheck.Offer o : offers) {
            Path dir = part.resolve(o.hash().substring(29)).resolve(o.hash());
            for (String f : MissingCheck.wanted(dir, o.files())) {
                wants.add(new MissingCheck.Want(o.hash(), f));
            }
        }
        return wants;
    }

    private void receive(HttpExchange ex, ReplicationPath p) {
        String[] parts = p.rest().split("/");
        if (parts.length != 2 || !SuffixHashes.isHash(parts[0]) || !MissingCheck.isFileName(parts[1])) {
            throw SwiftException.plain(400, "Invalid path: " + ex.path().path());
        }
        if (HttpUtil.isTransferEncodingChunked(ex.request()) || !ex.headers().contains("Content-Length")) {
            throw SwiftException.plain(411, "Missing Content-Length header.");
        }
        long length;
        long bodyLength;
        try {
            length = Long.parseLong(ex.headers().get("Content-Length").strip());
            bodyLength = Long.parseLong(String.valueOf(ex.headers().get(BODY_LENGTH)).strip());
        } catch (NumberFormatException e) {
            throw SwiftException.plain(400, "Invalid Content-Length or " + BODY_LENGTH);
        }
        if (length > maxFileSize + TRAILER_ROOM) {
            throw SwiftException.plain(413, "Your request is too large.");
        }
        if (bodyLength < 0 || bodyLength > length - 12) {
            throw SwiftException.plain(400, "Invalid " + BODY_LENGTH);
        }
        String hash = parts[0];
        executors.submit(p.device(), () -> {
            Path device = files.device(p.device());
            Path hashDir = device.resolve("objects").resolve(p.partitionDir()).resolve(hash.substring(29)).resolve(hash);
            if (MissingCheck.wanted(hashDir, List.of(parts[1])).isEmpty()) {
                HashDir.Contents c = HashDir.scan(hashDir);
                Map<String, String> h = c.winnerTimestamp() == null ? Map.of()
                        : Map.of("X-Backend-Timestamp", c.winnerTimestamp().internal());
                throw new SwiftException(409, null, SwiftException.HTML, h);
            }
            HashDir.Entry name = HashDir.parse(hashDir.resolve(parts[1]));
            ReplicaFileWriter w = ReplicaFileWriter.open(disk, device, length, bodyLength,
                    name.ext().equals(HashDir.DATA));
            return new ReplicaReceiver(this, ex, p.device(), hashDir, name, w, length);
        }).whenComplete((receiver, err) -> {
            if (err != null) {
                ex.eventLoop().execute(() -> fail(ex, p.device(), err));
            } else {
                receiver.start();
            }
        });
    }

    DeviceExecutors executors() {
        return executors;
    }

    Duration clientTimeout() {
        return clientTimeout;
    }

    long reclaimAge() {
        return reclaimAge;
    }

    double now() {
        return clock.getAsDouble();
    }

    ReplicationMetrics metrics() {
        return metrics;
    }

    static void respond(HttpExchange ex, int status, String body) {
        HttpHeaders h = new DefaultHttpHeaders();
        h.set("Content-Type", SwiftException.HTML);
        ex.respond(status, h, body.isEmpty() ? SwiftStatus.defaultBody(status) : body);
    }

    /**
     * Answers with the failure as the object server does (507 device, 503 queue full, 500 anything
     * unexpected), an index body over its limit 413; or cuts the connection.
     */
    static void fail(HttpExchange ex, String device, Throwable t) {
        Throwable e = SwiftException.unwrap(t);
        Responses.fail(ex, device, e instanceof BodyCollector.TooLarge
                ? SwiftException.plain(413, "Your request is too large.") : e);
    }
}
