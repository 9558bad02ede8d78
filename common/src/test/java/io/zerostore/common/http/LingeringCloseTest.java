package io.zerostore.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.common.swift.SwiftException;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An answer given before a large body was read (a 507 or 413 to an upload) must reach the client
 * even though the client is still sending: closing at once makes the kernel reset the connection
 * over the unread bytes, and the reset can destroy the answer before the client reads it.
 */
@Timeout(30)
class LingeringCloseTest {
    private HttpServer server;

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anEarlyAnswerSurvivesABodyStillArriving() throws Exception {
        server = HttpServer.start("127.0.0.1", 0, 1,
                ex -> ex.respondError(SwiftException.plain(413, "Your request is too large.")));
        for (int round = 0; round < 20; round++) {
            try (Socket s = new Socket("127.0.0.1", server.port())) {
                s.setSoTimeout(10_000);
                OutputStream out = s.getOutputStream();
                Thread sender = new Thread(() -> {
                    try {
                        out.write(("PUT /a/c/o HTTP/1.1\r\nHost: x\r\nContent-Length: 8388608\r\n\r\n")
                                .getBytes(StandardCharsets.ISO_8859_1));
                        byte[] block = new byte[64 * 1024];
                        for (int i = 0; i < 128; i++) {
                            out.write(block);
                        }
                    } catch (java.io.IOException ignored) {
                        // the server may refuse the rest once it answered; the answer must still arrive
                    }
                });
                sender.start();
                String answer = readAll(s.getInputStream());
                sender.join();
                assertThat(answer).startsWith("HTTP/1.1 413 ").containsIgnoringCase("connection: close")
                        .endsWith("Your request is too large.");
            }
        }
    }

    private static String readAll(InputStream in) throws java.io.IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        for (int n; (n = in.read(buf)) > 0; ) {
            got.write(buf, 0, n);
        }
        return got.toString(StandardCharsets.ISO_8859_1);
    }
}
