package io.zerostore.node.replication.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zerostore.common.swift.Timestamp;
import io.zerostore.node.index.AccountTarget;
import io.zerostore.node.index.ContainerRow;
import io.zerostore.node.index.LoggedRow;
import io.zerostore.node.index.Metadata;
import io.zerostore.node.index.ObjectRow;
import io.zerostore.node.index.ReplicaId;
import io.zerostore.node.index.ReplicaRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of {@code REPLICATE} bodies, after Swift's: a record as Swift's sync arguments (with
 * metadata as {@code {name: [value, timestamp]}}), object rows as Swift's container
 * {@code merge_items} dicts and container rows as the account's, each with its {@code ROWID}.
 * Timestamps travel in their internal form. Malformed input is an {@link IllegalArgumentException}.
 */
final class WireFormat {
    static final ObjectMapper JSON = new ObjectMapper();

    private WireFormat() {}

    /** How one kind of row travels. */
    interface RowCodec<R> {
        ObjectNode write(LoggedRow<R> row);

        LoggedRow<R> read(JsonNode node);
    }

    static final RowCodec<ObjectRow> OBJECT_ROWS = new RowCodec<>() {
        @Override
        public ObjectNode write(LoggedRow<ObjectRow> lr) {
            ObjectRow r = lr.row();
            return JSON.createObjectNode().put("ROWID", lr.rowId()).put("name", r.name())
                    .put("created_at", r.timestamp().internal()).put("size", r.size())
                    .put("content_type", r.contentType()).put("etag", r.etag()).put("deleted", r.deleted() ? 1 : 0);
        }

        @Override
        public LoggedRow<ObjectRow> read(JsonNode n) {
            ObjectRow row = new ObjectRow(text(n, "name"), timestamp(n, "created_at"), number(n, "deleted") != 0,
                    number(n, "size"), text(n, "content_type"), text(n, "etag"));
            return new LoggedRow<>(number(n, "ROWID"), row);
        }
    };

    static final RowCodec<ContainerRow> CONTAINER_ROWS = new RowCodec<>() {
        @Override
        public ObjectNode write(LoggedRow<ContainerRow> lr) {
            ContainerRow r = lr.row();
            return JSON.createObjectNode().put("ROWID", lr.rowId()).put("name", r.name())
                    .put("put_timestamp", r.putTimestamp().internal())
                    .put("delete_timestamp", r.deleteTimestamp().internal())
                    .put("object_count", r.objectCount()).put("bytes_used", r.bytesUsed())
                    .put("counted_at", r.countedAt().internal()).put("deleted", r.isDeleted() ? 1 : 0);
        }

        @Override
        public LoggedRow<ContainerRow> read(JsonNode n) {
            ContainerRow row = new ContainerRow(text(n, "name"), timestamp(n, "put_timestamp"),
                    timestamp(n, "delete_timestamp"), number(n, "object_count"), number(n, "bytes_used"),
                    n.has("counted_at") ? timestamp(n, "counted_at") : Timestamp.ZERO);
            return new LoggedRow<>(number(n, "ROWID"), row);
        }
    };

    static ObjectNode record(ReplicaRecord r) {
        ObjectNode n = JSON.createObjectNode().put("account", r.account());
        if (r.container() != null) {
            n.put("container", r.container());
        }
        n.put("created_at", r.createdAt().internal()).put("put_timestamp", r.putTimestamp().internal())
                .put("delete_timestamp", r.deleteTimestamp().internal())
                .put("status_changed_at", r.statusChangedAt().internal()).put("status_deleted", r.statusDeleted());
        ObjectNode md = n.putObject("metadata");
        r.metadata().items().forEach((k, item) ->
                md.putArray(k).add(item.value()).add(item.timestamp().internal()));
        ArrayNode targets = n.putArray("targets");
        for (AccountTarget t : r.targets()) {
            targets.addObject().put("host", t.host()).put("port", t.port()).put("device", t.device())
                    .put("partition", t.partition());
        }
        return n;
    }

    static ReplicaRecord record(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("record missing");
        }
        Map<String, Metadata.Item> items = new LinkedHashMap<>();
        JsonNode md = n.path("metadata");
        for (Iterator<Map.Entry<String, JsonNode>> it = md.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode pair = e.getValue();
            if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual()) {
                throw new IllegalArgumentException("bad metadata item " + e.getKey());
            }
            items.put(e.getKey(), new Metadata.Item(pair.get(0).asText(), parse(pair.get(1).asText())));
        }
        List<AccountTarget> targets = new ArrayList<>();
        for (JsonNode t : n.path("targets")) {
            targets.add(new AccountTarget(text(t, "host"), (int) number(t, "port"), text(t, "device"),
                    text(t, "partition")));
        }
        JsonNode container = n.get("container");
        return new ReplicaRecord(text(n, "account"), container == null || container.isNull() ? null : container.asText(),
                timestamp(n, "created_at"), timestamp(n, "put_timestamp"), timestamp(n, "delete_timestamp"),
                timestamp(n, "status_changed_at"), n.path("status_deleted").asBoolean(false),
                Metadata.ofItems(items), targets);
    }

    static ObjectNode syncPoints(Map<ReplicaId, Long> points) {
        ObjectNode n = JSON.createObjectNode();
        points.forEach((id, point) -> n.put(id.toString(), point));
        return n;
    }

    static Map<ReplicaId, Long> syncPoints(JsonNode n) {
        Map<ReplicaId, Long> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().canConvertToLong()) {
                throw new IllegalArgumentException("bad sync point " + e.getKey());
            }
            out.put(ReplicaId.parse(e.getKey()), e.getValue().asLong());
        }
        return out;
    }

    static ReplicaId id(JsonNode n, String field) {
        return ReplicaId.parse(text(n, field));
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("missing text field " + field);
        }
        return v.asText();
    }

    static long number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToLong()) {
            throw new IllegalArgumentException("missing number field " + field);
        }
        return v.asLong();
    }

    static Timestamp timestamp(JsonNode n, String field) {
        return parse(text(n, field));
    }

    private static Timestamp parse(String s) {
        Timestamp ts = Timestamp.parseOrNull(s);
        if (ts == null) {
            throw new IllegalArgumentException("bad timestamp " + s);
        }
        return ts;
    }
}
