package io.zerostore.proxy.backend;

import io.zerostore.common.http.InboundBody;
import io.zerostore.common.http.client.ClientExchange;
import java.util.concurrent.CompletableFuture;

/**
 * A body that streams from somewhere with demand: a client's upload or a storage server's
 * response. Whoever consumes it either reads it to the end or calls {@link #abort()}.
 */
public interface BodyStream {
    /** The chunks; each arrives only after {@link InboundBody#request()}. */
    InboundBody body();

    /** Abandons the body: closes the connection it comes from when that is a backend's. */
    void abort();

    /**
     * The rest of a body that broke off after {@code delivered} of its bytes, from another replica
     * (Swift's resuming GET); null when there is none. Only an object GET's body can resume.
     */
    default CompletableFuture<BodyStream> resumeAt(long delivered) {
        return CompletableFuture.completedFuture(null);
    }

    /** The client's request body: aborting it is left to the exchange that owns the connection. */
    static BodyStream ofClient(InboundBody body) {
        return new BodyStream() {
            @Override
            public InboundBody body() {
                return body;
            }

            @Override
            public void abort() {
                // the server side closes the client connection when the response ends early
            }
        };
    }

    /** A storage server's response body. */
    static BodyStream ofBackend(ClientExchange ex) {
        return new BodyStream() {
            @Override
            public InboundBody body() {
                return ex.body();
            }

            @Override
            public void abort() {
                if (ex.body() != null && ex.body().isComplete()) {
                    // all of it arrived: read what is left so the connection can be reused
                    ex.body().discard();
                } else {
                    ex.abort();
                }
            }
        };
    }
}
