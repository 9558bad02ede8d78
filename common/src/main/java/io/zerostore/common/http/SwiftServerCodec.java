package io.zerostore.common.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.CombinedChannelDuplexHandler;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The server side HTTP/1.1 codec, as Netty's {@code HttpServerCodec} (a request decoder plus a
 * HEAD-aware response encoder) but on the wire the way Swift's eventlet server is:
 * <ul>
 *   <li>a {@code 204} keeps its {@code Content-Length: 0} (Netty's encoder strips it);</li>
 *   <li>header names are not limited to RFC 7230 tokens: Swift takes (and stores) metadata names
 *       with non-ASCII bytes, so the decoder keeps them and the application decides;</li>
 *   <li>{@code Transfer-Encoding: chunked} together with a {@code Content-Length}: chunked wins
 *       and the length is dropped, instead of rejecting the request (the connection is closed
 *       after the answer, as RFC 9112 asks).</li>
 * </ul>
 */
public final class SwiftServerCodec extends CombinedChannelDuplexHandler<HttpRequestDecoder, HttpResponseEncoder> {
    /** One entry per request not answered yet: true for HEAD (its response never has a body). */
    private final ArrayDeque<Boolean> heads = new ArrayDeque<>();

    public SwiftServerCodec(int maxInitialLineLength, int maxHeaderSize, int maxChunkSize) {
        HttpDecoderConfig config = new HttpDecoderConfig()
                .setMaxInitialLineLength(maxInitialLineLength)
                .setMaxHeaderSize(maxHeaderSize)
                .setMaxChunkSize(maxChunkSize)
                .setUseRfc9112TransferEncoding(false)
                // values are still checked (no CR/LF injection); names may carry any byte but ':'
                .setHeadersFactory(DefaultHttpHeadersFactory.headersFactory().withNameValidation(false));
        init(new RequestDecoder(config), new ResponseEncoder());
    }

    private final class RequestDecoder extends HttpRequestDecoder {
        RequestDecoder(HttpDecoderConfig config) {
            super(config);
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
            int before = out.size();
            super.decode(ctx, buffer, out);
            for (int i = before; i < out.size(); i++) {
                if (out.get(i) instanceof HttpRequest req) {
                    heads.add(HttpMethod.HEAD.equals(req.method()));
                }
            }
        }
    }

    private final class ResponseEncoder extends HttpResponseEncoder {
        @Override
        protected boolean isContentAlwaysEmpty(HttpResponse msg) {
            if (msg.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                // a 100 Continue answers no request: the final response follows
                return super.isContentAlwaysEmpty(msg);
            }
            Boolean head = heads.poll();
            return (head != null && head) || super.isContentAlwaysEmpty(msg);
        }

        @Override
        protected void sanitizeHeadersBeforeEncode(HttpResponse msg, boolean isAlwaysEmpty) {
            if (isAlwaysEmpty && msg.status().code() == HttpResponseStatus.NO_CONTENT.code()) {
                msg.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
                return;
            }
            super.sanitizeHeadersBeforeEncode(msg, isAlwaysEmpty);
        }
    }
}
