package io.zerostore.node.index;

import io.zerostore.common.swift.ListingEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rocksdb.RocksIterator;

/**
 * One listing as an ordered scan of the rows under a key prefix, with the semantics of Swift's
 * {@code list_objects_iter} / {@code list_containers_iter}: marker and end_marker are exclusive
 * bounds (swapped by reverse), a marker below the prefix is ignored, a delimiter after the prefix
 * rolls names into one subdir each (a subdir equal to the marker is not repeated), and
 * {@code path} lists only the direct children of a pseudo-directory. Instead of re-querying after
 * each subdir as Swift's SQL loop does, the scan seeks past it: to {@code subdir + 0xFF} forward,
 * or to just before {@code subdir} in reverse. All comparisons are on UTF-8 bytes.
 */
final class ListingScan {
    /** Turns a row (name and stored value) into its listing entry. */
    @FunctionalInterface
    interface RowMapper {
        ListingEntry map(String name, byte[] value);
    }

    private static final byte[] EMPTY = new byte[0];
    private static final byte[] AFTER_ALL = {(byte) 0xFF};

    private final byte[] keyPrefix;
    private final RowMapper mapper;
    private final int limit;
    private final boolean reverse;
    private final byte[] prefix;
    private final byte[] delimiter;
    private final boolean pathMode;
    private final byte[] origMarker;
    /** Exclusive lower (forward) bound, or null. */
    private final byte[] after;
    /** Inclusive lower bound (the prefix), used when there is no usable marker. */
    private final byte[] from;
    /** Exclusive upper bound from the end marker, or null. */
    private final byte[] before;

    ListingScan(byte[] keyPrefix, ListingQuery q, RowMapper mapper) {
        this.keyPrefix = keyPrefix;
        this.mapper = mapper;
        this.limit = q.limit();
        this.reverse = q.reverse();
        String marker = q.marker();
        String endMarker = q.endMarker();
        if (reverse) {
            String t = marker;
            marker = endMarker;
            endMarker = t;
        }
        String p = q.prefix();
        String d = q.delimiter();
        if (q.path() != null) {
            p = q.path().isEmpty() ? "" : stripTrailingSlashes(q.path()) + "/";
            d = "/";
            pathMode = true;
        } else {
            pathMode = false;
            if (d != null && !d.isEmpty() && p == null) {
                p = "";
            }
        }
        this.prefix = bytes(p);
        this.delimiter = p != null && d != null && !d.isEmpty() ? bytes(d) : null;
        byte[] m = bytes(marker);
        this.origMarker = m;
        if (m.length > 0 && (prefix.length == 0 || Arrays.compareUnsigned(m, prefix) >= 0)) {
            after = m;
            from = null;
        } else {
            after = null;
            from = prefix.length > 0 ? prefix : null;
        }
        byte[] e = bytes(endMarker);
        before = e.length > 0 ? e : null;
    }

    List<ListingEntry> run(RocksIterator it) {
        List<ListingEntry> out = new ArrayList<>(Math.min(limit, 1024));
        if (limit == 0) {
            return out;
        }
        if (reverse) {
            scanBackward(it, out);
        } else {
            scanForward(it, out);
        }
        return out;
    }

    private void scanForward(RocksIterator it, List<ListingEntry> out) {
        it.seek(key(after != null ? after : from != null ? from : EMPTY));
        while (it.isValid() && out.size() < limit) {
            byte[] k = it.key();
            if (!Keys.startsWith(k, keyPrefix)) {
                break;
            }
            byte[] name = Arrays.copyOfRange(k, keyPrefix.length, k.length);
            if (after != null && Arrays.compareUnsigned(name, after) <= 0) {
                it.next();
                continue;
            }
            if ((before != null && Arrays.compareUnsigned(name, before) >= 0) || !startsWith(name, prefix)) {
                break;
            }
            if (delimiter != null) {
                int end = indexOf(name, delimiter, prefix.length);
                byte[] dir = end < 0 ? null : Arrays.copyOf(name, end + delimiter.length);
                if (pathMode) {
                    if (Arrays.equals(name, prefix)) {
                        it.next();
                        continue;
                    }
                    if (dir != null && name.length > dir.length) {
                        it.seek(key(concat(dir, AFTER_ALL)));
                        continue;
                    }
                } else if (dir != null) {
                    if (!Arrays.equals(dir, origMarker)) {
                        out.add(new ListingEntry.Subdir(string(dir)));
                    }
                    it.seek(key(concat(dir, AFTER_ALL)));
                    continue;
                }
            }
            out.add(mapper.map(string(name), it.value()));
            it.next();
        }
    }

    private void scanBackward(RocksIterator it, List<ListingEntry> out) {
        byte[] end = concat(prefix, AFTER_ALL);
        if (before != null && Arrays.compareUnsigned(before, end) < 0) {
            end = before;
        }
        seekBefore(it, end);
        while (it.isValid() && out.size() < limit) {
            byte[] k = it.key();
            if (!Keys.startsWith(k, keyPrefix)) {
                break;
            }
            byte[] name = Arrays.copyOfRange(k, keyPrefix.length, k.length);
            if (before != null && Arrays.compareUnsigned(name, before) >= 0) {
                it.prev();
                continue;
            }
            if ((after != null && Arrays.compareUnsigned(name, after) <= 0)
                    || (from != null && Arrays.compareUnsigned(name, from) < 0) || !startsWith(name, prefix)) {
                break;
            }
            if (delimiter != null) {
                int idx = indexOf(name, delimiter, prefix.length);
                byte[] dir = idx < 0 ? null : Arrays.copyOf(name, idx + delimiter.length);
                if (pathMode) {
                    if (Arrays.equals(name, prefix)) {
                        it.prev();
                        continue;
                    }
                    if (dir != null && name.length > dir.length) {
                        seekBefore(it, dir);
                        continue;
                    }
                } else if (dir != null) {
                    if (!Arrays.equals(dir, origMarker)) {
                        out.add(new ListingEntry.Subdir(string(dir)));
                    }
                    seekBefore(it, dir);
                    continue;
                }
            }
            out.add(mapper.map(string(name), it.value()));
            it.prev();
        }
    }

    /** Positions on the last row whose name is strictly below {@code name}. */
    private void seekBefore(RocksIterator it, byte[] name) {
        byte[] target = key(name);
        it.seekForPrev(target);
        if (it.isValid() && Arrays.equals(it.key(), target)) {
            it.prev();
        }
    }

    private byte[] key(byte[] name) {
        return Keys.withName(keyPrefix, name);
    }

    private static String stripTrailingSlashes(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(0, end);
    }

    private static byte[] bytes(String s) {
        return s == null ? EMPTY : s.getBytes(StandardCharsets.UTF_8);
    }

    private static String string(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static boolean startsWith(byte[] a, byte[] p) {
        return Keys.startsWith(a, p);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
