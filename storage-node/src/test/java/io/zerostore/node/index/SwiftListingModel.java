package io.zerostore.node.index;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * A direct port of Swift 2.30's {@code ContainerBroker.list_objects_iter} loop (repeated SQL
 * queries over the sorted names, moving the marker past each subdir), used as the reference the
 * seek-based {@link ListingScan} must agree with. Entries are names, subdirs prefixed with {@code "dir:"}.
 *
 * <p>One deliberate difference: after skipping a sub-directory in {@code path} mode Swift's next
 * query uses {@code name > marker} instead of {@code >=}, which drops a name equal to
 * {@code <dir>0}; that is a bug, and neither this model nor the index reproduces it.
 */
final class SwiftListingModel {
    static final Comparator<String> UTF8 = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private final NavigableSet<String> names = new TreeSet<>(UTF8);

    void add(String name) {
        names.add(name);
    }

    void remove(String name) {
        names.remove(name);
    }

    List<String> list(ListingQuery q) {
        int limit = q.limit();
        String marker = nz(q.marker());
        String endMarker = nz(q.endMarker());
        String prefix = q.prefix();
        String delimiter = q.delimiter();
        String path = q.path();
        if (q.reverse()) {
            String t = marker;
            marker = endMarker;
            endMarker = t;
        }
        if (path != null) {
            prefix = path;
            if (!path.isEmpty()) {
                prefix = path = path.replaceAll("/+$", "") + "/";
            }
            delimiter = "/";
        } else if (delimiter != null && !delimiter.isEmpty() && prefix == null) {
            prefix = "";
        }
        String endPrefix = null;
        if (prefix != null && !prefix.isEmpty()) {
            int last = prefix.codePointBefore(prefix.length());
            endPrefix = prefix.substring(0, prefix.length() - Character.charCount(last))
                    + new String(Character.toChars(last + 1));
        }
        String origMarker = marker;
        boolean forceGte = false;
        List<String> results = new ArrayList<>();
        while (results.size() < limit) {
            List<String> rows = new ArrayList<>();
            for (String n : q.reverse() ? names.descendingSet() : names) {
                if (!endMarker.isEmpty() && UTF8.compare(n, endMarker) >= 0) {
                    continue;
                }
                if (forceGte) {
                    if (UTF8.compare(n, marker) < 0) {
                        continue;
                    }
                } else if (!marker.isEmpty() && (prefix == null || prefix.isEmpty() || UTF8.compare(marker, prefix) >= 0)) {
                    if (UTF8.compare(n, marker) <= 0) {
                        continue;
                    }
                } else if (prefix != null && !prefix.isEmpty() && UTF8.compare(n, prefix) < 0) {
                    continue;
                }
                if (endPrefix != null && UTF8.compare(n, endPrefix) >= 0) {
                    continue;
                }
                rows.add(n);
                if (rows.size() == limit - results.size()) {
                    break;
                }
            }
            forceGte = false;
            if (prefix == null || delimiter == null || delimiter.isEmpty()) {
                return rows;
            }
            int rowcount = 0;
            for (String name : rows) {
                rowcount++;
                if (q.reverse()) {
                    endMarker = name;
                } else {
                    marker = name;
                }
                if (results.size() >= limit) {
                    return results;
                }
                int end = name.indexOf(delimiter, prefix.length());
                if (path != null) {
                    if (name.equals(path)) {
                        continue;
                    }
                    if (end >= 0 && name.length() > end + delimiter.length()) {
                        if (q.reverse()) {
                            endMarker = name.substring(0, end + 1);
                        } else {
                            marker = name.substring(0, end) + (char) ('/' + 1);
                            forceGte = true; // Swift: '>' here (see class comment)
                        }
                        break;
                    }
                } else if (end >= 0) {
                    if (q.reverse()) {
                        endMarker = name.substring(0, end + delimiter.length());
                    } else {
                        marker = name.substring(0, end) + delimiter.substring(0, delimiter.length() - 1)
                                + (char) (delimiter.charAt(delimiter.length() - 1) + 1);
                        forceGte = true;
                    }
                    String dir = name.substring(0, end + delimiter.length());
                    if (!dir.equals(origMarker)) {
                        results.add("dir:" + dir);
                    }
                    break;
                }
                results.add(name);
            }
            if (rowcount == 0) {
                break;
            }
        }
        return results;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
