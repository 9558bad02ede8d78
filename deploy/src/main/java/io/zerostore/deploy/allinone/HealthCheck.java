package io.zerostore.deploy.allinone;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits until a server answers {@code GET /healthcheck} with 200, as Swift's servers all do. */
public final class HealthCheck {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private HealthCheck() {
    }

    public static boolean isHealthy(String host, int port) {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://" + h + ":" + port + "/healthcheck"))
                .timeout(Duration.ofSeconds(5))
                .build();
        try {
            return CLIENT.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Polls until healthy.
     *
     * @param stillStarting false once the server cannot come up any more (its process died)
     * @throws IllegalStateException when the server died or the timeout passed
     */
    public static void await(String what, String host, int port, Duration timeout, BooleanSupplier stillStarting)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isHealthy(host, port)) {
            if (!stillStarting.getAsBoolean()) {
                throw new IllegalStateException(what + " stopped before it answered on " + host + ":" + port);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not answer on " + host + ":" + port + " within " + timeout);
            }
            Thread.sleep(50);
        }
    }
}
