package io.zerostore.proxy.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for tests that must control every byte sent (no Content-Length,
 * raw UTF-8 in headers, a body cut short) or see the exact header spelling received.
 */
public final class RawHttp {
    /** A response as received: status line, headers in order and spelling, body. */
    public record Response(String statusLine, List<String[]> headers, byte[] body) {
        public int status() {
            return Integer.parseInt(statusLine.split(" ")[1]);
        }

        public String header(String name) {
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase(name)) {
                    return h[1];
                }
            }
            return null;
        }

        public List<String> names() {
            return headers.stream().map(h -> h[0]).toList();
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private RawHttp() {}

    /** Sends {@code head} (request line and headers, CRLF-separated, without the blank line) and {@code body}. */
    public static Response exchange(int port, String head, byte[] body) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return read(s.getInputStream(), head.startsWith("HEAD "));
        }
    }

    /**
     * Sends a large body while already reading the answer, as a client must when the server may
     * refuse the upload half-way (and reset the connection when it closes).
     */
    public static Response upload(int port, String head, byte[] body) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            java.util.concurrent.CompletableFuture<Response> answer = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> {
                        try {
                            return read(s.getInputStream(), false);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
            OutputStream out = s.getOutputStream();
            try {
                out.write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                for (int off = 0; off < body.length && !answer.isDone(); off += 65536) {
                    out.write(body, off, Math.min(65536, body.length - off));
                }
                out.flush();
            } catch (IOException e) {
                // refused half-way: the answer is what counts
            }
            return answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** Reads one response; the body runs to Content-Length, chunked end, or connection close. */
    public static Response read(InputStream in, boolean head) throws IOException {
        String status = line(in);
        List<String[]> headers = new ArrayList<>();
        String l;
        while (!(l = line(in)).isEmpty()) {
            int colon = l.indexOf(':');
            headers.add(new String[] {l.substring(0, colon), l.substring(colon + 1).strip()});
        }
        Response partial = new Response(status, headers, new byte[0]);
        int code = partial.status();
        if (head || code == 204 || code == 304 || code < 200) {
            return partial;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String te = partial.header("Transfer-Encoding");
        String cl = partial.header("Content-Length");
        if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            while (true) {
                int n = Integer.parseInt(line(in).split(";")[0].strip(), 16);
                if (n == 0) {
                    line(in);
                    break;
                }
                body.write(in.readNBytes(n));
                line(in);
            }
        } else if (cl != null) {
            body.write(in.readNBytes(Integer.parseInt(cl)));
        } else {
            in.transferTo(body);
        }
        return new Response(status, headers, body.toByteArray());
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        if (c < 0 && b.size() == 0) {
            throw new java.io.EOFException("connection closed");
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }
}
