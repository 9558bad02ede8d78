package io.zerostore.bench;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.stream.ChunkedInput;

/**
 * One request a workload wants sent.
 *
 * @param method      HTTP method
 * @param path        request target, already URL-encoded (path and query)
 * @param objectName  the object's name when the request is about one object (for name lists), else null
 * @param content     a small body sent in one write (a slice of the payload block), or null
 * @param stream      a large body streamed with backpressure, or null
 * @param streamLength length of {@code stream} (sent as Content-Length)
 * @param digestBody  compute the MD5 of the response body and compare it with the response ETag
 * @param expectedEtag when not null, a 2xx response whose ETag differs counts as a mismatch
 */
record Request(HttpMethod method, String path, String objectName, ByteBuf content,
               ChunkedInput<ByteBuf> stream, long streamLength, boolean digestBody,
               String expectedEtag) {

    static Request bodiless(HttpMethod method, String path, String objectName) {
        return new Request(method, path, objectName, null, null, 0, false, null);
    }

    long contentLength() {
        if (content != null) {
            return content.readableBytes();
        }
        return stream != null ? streamLength : 0;
    }
}
