package io.zerostore.deploy.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The real {@code curl}, one request at a time, with status, headers and body kept apart. */
final class Curl {
    static final String CURL = "/usr/bin/curl";

    private final Path workDir;

    Curl(Path workDir) {
        Tool.require(CURL, "curl");
        this.workDir = workDir;
    }

    record Response(int status, Map<String, String> headers, byte[] body) {
        /** Header value by case-insensitive name, or null. */
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** {@code curl -sS <args> URL}; the response of the last hop (no redirects are followed). */
    Response request(String url, String... args) throws IOException, InterruptedException {
        Path headers = Files.createTempFile(workDir, "headers", ".txt");
        Path body = Files.createTempFile(workDir, "body", ".bin");
        List<String> cmd = new ArrayList<>(List.of(CURL, "-sS", "-D", headers.toString(), "-o", body.toString()));
        cmd.addAll(List.of(args));
        cmd.add(url);
        Tool.run(workDir, cmd).ok();
        Response r = parse(Files.readString(headers, StandardCharsets.ISO_8859_1), Files.readAllBytes(body));
        Files.delete(headers);
        Files.delete(body);
        return r;
    }

    private static Response parse(String raw, byte[] body) {
        // a 100 Continue block may come first: the final response is the last block
        String[] blocks = raw.strip().split("\r\n\r\n");
        String[] lines = blocks[blocks.length - 1].split("\r\n");
        assertThat(lines[0]).startsWith("HTTP/1.1 ");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        return new Response(status, headers, body);
    }
}
