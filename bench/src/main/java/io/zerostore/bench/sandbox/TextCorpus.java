package io.zerostore.bench.sandbox;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A deterministic text file of words and lines (the wc input); reused when already there. */
final class TextCorpus {
    private static final String[] WORDS = ("the of and to in is that it was for on are as with his they at be"
            + " this from have or by one had not but what all were when we there can an your which their"
            + " zerovm swift object container account ring partition replica sandbox channel manifest")
            .split(" ");

    private TextCorpus() {
    }

    static void write(Path file, long bytes) throws IOException {
        if (Files.exists(file) && Files.size(file) == bytes) {
            return;
        }
        long state = 42;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            long written = 0;
            int col = 0;
            while (written < bytes) {
                state += 0x9E3779B97F4A7C15L;
                long z = state;
                z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
                z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
                z ^= z >>> 31;
                byte[] w = WORDS[(int) Long.remainderUnsigned(z, WORDS.length)].getBytes(StandardCharsets.US_ASCII);
                int n = (int) Math.min(w.length, bytes - written);
                out.write(w, 0, n);
                written += n;
                col += n;
                if (written < bytes) {
                    out.write(col > 70 ? '\n' : ' ');
                    written++;
                    col = col > 70 ? 0 : col + 1;
                }
            }
        }
    }
}
