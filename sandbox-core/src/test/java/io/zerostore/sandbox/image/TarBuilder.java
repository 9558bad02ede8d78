package io.zerostore.sandbox.image;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes small POSIX ustar archives for tests (GNU long names for paths over 100 bytes). */
public final class TarBuilder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public TarBuilder file(String name, String content) {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        if (name.length() > 99) {
            byte[] longName = (name + "\0").getBytes(StandardCharsets.UTF_8);
            header("././@LongLink", 'L', longName.length, "");
            pad(longName);
        }
        header(name.length() > 99 ? name.substring(0, 99) : name, '0', data.length, "");
        pad(data);
        return this;
    }

    public TarBuilder dir(String name) {
        header(name.endsWith("/") ? name : name + "/", '5', 0, "");
        return this;
    }

    public TarBuilder symlink(String name, String target) {
        header(name, '2', 0, target);
        return this;
    }

    public byte[] build() {
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    private void header(String name, char type, long size, String link) {
        byte[] h = new byte[512];
        put(h, 0, name, 100);
        put(h, 100, "0000644", 8);
        put(h, 108, "0000000", 8);
        put(h, 116, "0000000", 8);
        put(h, 124, String.format("%011o", size), 12);
        put(h, 136, "00000000000", 12);
        h[156] = (byte) type;
        put(h, 157, link, 100);
        put(h, 257, "ustar", 6);
        put(h, 263, "00", 2);
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum) + "\0 ", 8);
        out.writeBytes(h);
    }

    private void pad(byte[] data) {
        out.writeBytes(data);
        int rem = data.length % 512;
        if (rem != 0) {
            out.writeBytes(new byte[512 - rem]);
        }
    }

    private static void put(byte[] h, int off, String s, int len) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, h, off, Math.min(b.length, len));
    }
}
