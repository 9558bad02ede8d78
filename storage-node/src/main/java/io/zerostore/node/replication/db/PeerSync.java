package io.zerostore.node.replication.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.zerostore.common.http.client.HttpClient;
import io.zerostore.common.ring.Device;
import io.zerostore.node.index.LoggedRow;
import io.zerostore.node.index.ReplicaDb;
import io.zerostore.node.index.ReplicaId;
import io.zerostore.node.index.ReplicaInfo;
import io.zerostore.node.server.db.DbPath;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The client side of one record's replication to one peer (Swift's {@code _repl_to_node} and
 * {@code _usync_db}): {@code sync} (the peer merges our record and tells how far it has our rows),
 * then our rows since that point in {@code merge_items} batches, then {@code merge_syncs} with the
 * points we hold for other replicas, which the peer now has as well. Runs on a replicator worker
 * thread and waits for each answer; a peer that does not answer 2xx fails the push.
 */
final class PeerSync<R> {
    static final HttpMethod REPLICATE = HttpMethod.valueOf("REPLICATE");
    private static final String USER_AGENT = "db-replicator " + ProcessHandle.current().pid();

    /** How one push went. {@code complete}: the peer has every row we had (needed to remove a handoff). */
    record Result(boolean complete, long rowsPushed) {}

    /** The peer could not be reached (as opposed to answering an error). */
    static final class Unreachable extends IOException {
        Unreachable(Throwable cause) {
            super(cause.toString(), cause);
        }
    }

    private final DbKind<R> kind;
    private final HttpClient client;
    private final ReplicatorConfig cfg;

    PeerSync(DbKind<R> kind, HttpClient client, ReplicatorConfig cfg) {
        this.kind = kind;
        this.client = client;
        this.cfg = cfg;
    }

    Result push(ReplicaDb<R> db, ReplicaInfo info, Device peer, int partition) throws IOException {
        ObjectNode sync = WireFormat.JSON.createObjectNode().put("op", "sync").put("id", info.id().toString())
                .put("max_row", info.maxRowId());
        sync.set("record", WireFormat.record(info.record()));
        JsonNode answer = send(peer, partition, info.hash(), sync, true);
        ReplicaId peerId = WireFormat.id(answer, "id");
        long point = WireFormat.number(answer, "point");
        if (peerId.equals(info.id())) {
            throw new IOException("peer " + peer.hostPort() + " answered with our own replica id");
        }
        long pushed = 0;
        int batches = 0;
        while (point < info.maxRowId() || batches > 0) {
            List<LoggedRow<R>> rows = db.rowsSince(info.hash(), point, cfg.perDiff()).join();
            if (rows.isEmpty()) {
                break;
            }
            if (batches == cfg.maxDiffs()) {
                return new Result(false, pushed);
            }
            ObjectNode merge = WireFormat.JSON.createObjectNode().put("op", "merge_items").put("id", info.id().toString());
            ArrayNode items = merge.putArray("items");
            for (LoggedRow<R> r : rows) {
                items.add(kind.rows().write(r));
            }
            send(peer, partition, info.hash(), merge, false);
            pushed += rows.size();
            batches++;
            point = rows.get(rows.size() - 1).rowId();
        }
        if (!info.syncPoints().isEmpty()) {
            ObjectNode syncs = WireFormat.JSON.createObjectNode().put("op", "merge_syncs");
            syncs.set("syncs", WireFormat.syncPoints(info.syncPoints()));
            send(peer, partition, info.hash(), syncs, false);
        }
        return new Result(true, pushed);
    }

    private JsonNode send(Device peer, int partition, String hash, ObjectNode body, boolean wantBody)
            throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        String uri = "/" + DbPath.quote(peer.device()) + "/" + partition + "/" + hash;
        FullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, REPLICATE, uri,
                Unpooled.wrappedBuffer(bytes));
        String host = peer.replicationIp().indexOf(':') >= 0 ? "[" + peer.replicationIp() + "]" : peer.replicationIp();
        req.headers().set("Host", host + ":" + peer.replicationPort())
                .set("Content-Type", "application/json")
                .set("Content-Length", bytes.length)
                .set("User-Agent", USER_AGENT);
        HttpClient.FullResponse res;
        try {
            res = client.send(new InetSocketAddress(peer.replicationIp(), peer.replicationPort()), req).join();
        } catch (RuntimeException e) {
            throw new Unreachable(e.getCause() == null ? e : e.getCause());
        }
        if (!res.is2xx()) {
            throw new IOException(kind.name() + " REPLICATE " + WireFormat.text(body, "op") + " to " + peer.hostPort()
                    + "/" + peer.device() + " answered " + res.status());
        }
        if (!wantBody) {
            return null;
        }
        try {
            return WireFormat.JSON.readTree(res.body());
        } catch (IOException e) {
            throw new IOException("bad sync answer from " + peer.hostPort() + ": " + e.getMessage(), e);
        }
    }
}
