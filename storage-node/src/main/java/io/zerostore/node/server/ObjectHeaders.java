package io.zerostore.node.server;

import io.netty.handler.codec.http.HttpHeaders;
import io.zerostore.common.http.SwiftHeaders;
import io.zerostore.common.swift.HttpDate;
import io.zerostore.common.swift.Timestamp;
import io.zerostore.node.diskfile.ObjectMetadata;
import io.zerostore.node.diskfile.StoredObject;
import java.util.Map;

/** The headers of an object's GET/HEAD response as Swift's object server builds them. */
final class ObjectHeaders {
    private ObjectHeaders() {}

    /** Everything a 200 carries: stored metadata, Content-Type, ETag, dates, length, backend timestamps. */
    static HttpHeaders of(StoredObject obj) {
        ObjectMetadata m = obj.metadata();
        HttpHeaders h = SwiftHeaders.create();
        h.set("Content-Type", m.contentType());
        for (Map.Entry<String, String> e : m.asMap().entrySet()) {
            if (MetadataRules.isReturned(e.getKey())) {
                h.set(e.getKey(), e.getValue());
            }
        }
        Timestamp ts = obj.timestamp();
        h.set("Etag", m.etag());
        h.set("Last-Modified", HttpDate.format(ts.ceilSeconds()));
        h.set("Content-Length", obj.contentLength());
        h.set("X-Timestamp", ts.normal());
        h.set("X-Backend-Timestamp", ts.internal());
        h.set("X-Backend-Data-Timestamp", obj.dataTimestamp().internal());
        h.set("X-Backend-Durable-Timestamp", obj.dataTimestamp().internal());
        h.set("Accept-Ranges", "bytes");
        return h;
    }
}
