package io.zerostore.sandbox.image;

import io.zerostore.sandbox.channel.ChannelBinding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An index of a tar archive read in place from a positional {@link ChannelBinding}: ZRT's image
 * channel, whose files become the read-only root file system. Only the 512-byte headers are read
 * while indexing; file data stays in the image and is read on demand.
 *
 * <p>Understands POSIX ustar (with the name prefix), GNU long names ({@code L}/{@code K}) and pax
 * extended headers ({@code path}, {@code linkpath}, {@code size}). Compressed archives are not
 * supported (they cannot be read in place): gzip magic gives an {@link ImageException}.
 */
public final class TarImage {
    private static final int BLOCK = 512;
    private final ChannelBinding source;
    private final List<TarEntry> entries;

    private TarImage(ChannelBinding source, List<TarEntry> entries) {
        this.source = source;
        this.entries = List.copyOf(entries);
    }

    public ChannelBinding source() {
        return source;
    }

    public List<TarEntry> entries() {
        return entries;
    }

    /** Indexes the archive. The binding must support positional reads. */
    public static TarImage index(ChannelBinding source) throws IOException {
        if (!source.canReadAt()) {
            throw new ImageException("an image channel must be readable at positions");
        }
        List<TarEntry> out = new ArrayList<>();
        byte[] header = new byte[BLOCK];
        long pos = 0;
        String longName = null;
        String longLink = null;
        String paxPath = null;
        String paxLink = null;
        long paxSize = -1;
        while (true) {
            int n = readFully(source, pos, header);
            if (n == 0) {
                break;
            }
            if (pos == 0 && (header[0] & 0xff) == 0x1f && (header[1] & 0xff) == 0x8b) {
                throw new ImageException("compressed (gzip) images are not supported; use a plain tar");
            }
            if (n < BLOCK) {
                throw new ImageException("truncated tar header at byte " + pos);
            }
            if (isZero(header)) {
                break;
            }
            verifyChecksum(header, pos);
            char type = (char) header[156];
            long size = paxSize >= 0 ? paxSize : parseOctal(header, 124, 12, pos);
            long data = pos + BLOCK;
            long next = data + ((size + BLOCK - 1) / BLOCK) * BLOCK;
            switch (type) {
                case 'L' -> longName = readString(source, data, size);
                case 'K' -> longLink = readString(source, data, size);
                case 'x' -> {
                    String pax = readString(source, data, size);
                    paxPath = paxValue(pax, "path", paxPath);
                    paxLink = paxValue(pax, "linkpath", paxLink);
                    String s = paxValue(pax, "size", null);
                    paxSize = s == null ? -1 : Long.parseLong(s);
                }
                case 'g' -> { } // global pax header: nothing we use
                default -> {
                    String name = paxPath != null ? paxPath : longName != null ? longName : ustarName(header);
                    String link = paxLink != null ? paxLink : longLink != null ? longLink : field(header, 157, 100);
                    TarEntry.Kind kind = switch (type) {
                        case '5' -> TarEntry.Kind.DIRECTORY;
                        case '2' -> TarEntry.Kind.SYMLINK;
                        case '1' -> TarEntry.Kind.HARDLINK;
                        case '0', '\0', '7' -> TarEntry.Kind.FILE;
                        default -> null; // devices, fifos: not part of an image
                    };
                    String path = normalize(name);
                    if (kind != null && !path.isEmpty()) {
                        long fileSize = kind == TarEntry.Kind.FILE ? size : 0;
                        int mode = (int) parseOctal(header, 100, 8, pos);
                        out.add(new TarEntry(path, kind, data, fileSize, mode, link));
                    }
                    longName = null;
                    longLink = null;
                    paxPath = null;
                    paxLink = null;
                    paxSize = -1;
                }
            }
            pos = next;
        }
        return new TarImage(source, out);
    }

    private static String ustarName(byte[] h) {
        String name = field(h, 0, 100);
        boolean ustar = field(h, 257, 6).startsWith("ustar");
        String prefix = ustar ? field(h, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /** Strips "./", leading and trailing '/', and rejects ".." so nothing escapes the mount. */
    static String normalize(String name) {
        StringBuilder sb = new StringBuilder();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                return "";
            }
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(part);
        }
        return sb.toString();
    }

    private static String paxValue(String pax, String key, String current) {
        // records: "<len> <key>=<value>\n"
        int i = 0;
        String found = current;
        while (i < pax.length()) {
            int sp = pax.indexOf(' ', i);
            if (sp < 0) {
                break;
            }
            int len;
            try {
                len = Integer.parseInt(pax.substring(i, sp));
            } catch (NumberFormatException e) {
                break;
            }
            if (len <= 0 || i + len > pax.length()) {
                break;
            }
            String rec = pax.substring(sp + 1, i + len - 1);
            int eq = rec.indexOf('=');
            if (eq > 0 && rec.substring(0, eq).equals(key)) {
                found = rec.substring(eq + 1);
            }
            i += len;
        }
        return found;
    }

    private static int readFully(ChannelBinding src, long pos, byte[] buf) throws IOException {
        int total = 0;
        while (total < buf.length) {
            int n = src.readAt(pos + total, buf, total, buf.length - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private static String readString(ChannelBinding src, long pos, long size) throws IOException {
        if (size > 1 << 20) {
            throw new ImageException("tar extended header too large: " + size);
        }
        byte[] b = new byte[(int) size];
        if (readFully(src, pos, b) < size) {
            throw new ImageException("truncated tar extended header at byte " + pos);
        }
        int end = b.length;
        while (end > 0 && b[end - 1] == 0) {
            end--;
        }
        return new String(b, 0, end, StandardCharsets.UTF_8);
    }

    private static String field(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) {
            end++;
        }
        return new String(h, off, end - off, StandardCharsets.UTF_8);
    }

    private static long parseOctal(byte[] h, int off, int len, long pos) throws ImageException {
        if ((h[off] & 0x80) != 0) { // GNU base-256 for big sizes
            long v = h[off] & 0x7f;
            for (int i = 1; i < len; i++) {
                v = (v << 8) | (h[off + i] & 0xff);
            }
            return v;
        }
        int i = off;
        int end = off + len;
        while (i < end && (h[i] == ' ' || h[i] == 0)) {
            i++;
        }
        long v = 0;
        for (; i < end && h[i] != 0 && h[i] != ' '; i++) {
            if (h[i] < '0' || h[i] > '7') {
                throw new ImageException("bad octal field in tar header at byte " + pos);
            }
            v = (v << 3) + (h[i] - '0');
        }
        return v;
    }

    private static void verifyChecksum(byte[] h, long pos) throws ImageException {
        long stored = parseOctal(h, 148, 8, pos);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
        }
        if (sum != stored) {
            throw new ImageException("bad tar header checksum at byte " + pos);
        }
    }

    private static boolean isZero(byte[] h) {
        for (byte b : h) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
