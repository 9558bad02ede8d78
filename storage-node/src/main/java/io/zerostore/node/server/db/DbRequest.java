package io.zerostore.node.server.db;

import io.netty.handler.codec.http.HttpHeaders;
import io.zerostore.common.http.HttpExchange;
import io.zerostore.common.http.RequestPath;
import io.zerostore.common.swift.ListingFormat;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.common.swift.Timestamp;
import io.zerostore.node.index.AccountTarget;
import io.zerostore.node.index.ListingQuery;
import io.zerostore.node.index.Metadata;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Reading the parts of a container/account server request that Swift's servers read, with their errors. */
public final class DbRequest {
    private static final Set<String> TRUE = Set.of("true", "1", "yes", "on", "t", "y");

    private DbRequest() {}

    /** Swift's {@code valid_timestamp}: 400 {@code text/plain} when missing or malformed. */
    public static Timestamp timestamp(HttpExchange ex) {
        String raw = ex.headers().get("X-Timestamp");
        if (raw == null) {
            throw SwiftException.plain(400, "Missing X-Timestamp header");
        }
        Timestamp ts = Timestamp.parseOrNull(raw);
        if (ts == null) {
            throw SwiftException.plain(400, "Invalid X-Timestamp header");
        }
        return ts;
    }

    /** A timestamp header that must be present and valid (400 otherwise). */
    public static Timestamp timestampHeader(HttpExchange ex, String name) {
        Timestamp ts = Timestamp.parseOrNull(ex.headers().get(name));
        if (ts == null) {
            throw SwiftException.plain(400, "Invalid " + name + " header");
        }
        return ts;
    }

    /** A non-negative integer header (400 otherwise). */
    public static long longHeader(HttpExchange ex, String name) {
        String v = ex.headers().get(name);
        try {
            long n = Long.parseLong(v == null ? "" : v.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw SwiftException.plain(400, "Invalid " + name + " header");
    }

    /** A text header, decoded from UTF-8 (400 when it is not). */
    public static String textHeader(HttpExchange ex, String name, String def) {
        String v = ex.headers().get(name);
        if (v == null) {
            return def;
        }
        String text = HeaderText.decode(v);
        if (text == null) {
            throw SwiftException.plain(400, "Invalid " + name + " header");
        }
        return text;
    }

    /**
     * The metadata headers of a request (names Swift saves for this server), at the request's
     * timestamp. Values must be UTF-8 and names plain ASCII (400 {@code Metadata must be valid
     * UTF-8}: probed, Swift's account and container servers refuse any non-ASCII name byte).
     */
    public static Metadata metadata(HttpHeaders headers, Predicate<String> saved, Timestamp ts) {
        Map<String, String> md = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : headers) {
            if (saved.test(h.getKey().toLowerCase(Locale.ROOT))) {
                String value = HeaderText.decode(h.getValue());
                String name = h.getKey();
                if (value == null || !name.chars().allMatch(c -> c < 0x80)) {
                    throw SwiftException.html(400, "Metadata must be valid UTF-8");
                }
                md.put(name, value);
            }
        }
        return Metadata.of(md, ts);
    }

    /**
     * The account replicas of a container PUT/DELETE: {@code X-Account-Host} and
     * {@code X-Account-Device} are parallel csv lists, {@code X-Account-Partition} one partition.
     * Absent → empty list; lists of different lengths → 400 (a proxy bug, as Swift says).
     */
    public static List<AccountTarget> accountTargets(HttpHeaders headers) {
        String hosts = headers.get("X-Account-Host", "");
        String devices = headers.get("X-Account-Device", "");
        String partition = headers.get("X-Account-Partition", "").strip();
        List<String> h = csv(hosts);
        List<String> d = csv(devices);
        if (h.size() != d.size()) {
            throw new SwiftException(400);
        }
        if (h.isEmpty() || partition.isEmpty()) {
            return List.of();
        }
        List<AccountTarget> out = new ArrayList<>();
        for (int i = 0; i < h.size(); i++) {
            String hostPort = h.get(i);
            int colon = hostPort.lastIndexOf(':');
            try {
                String host = hostPort.substring(0, colon);
                if (host.startsWith("[") && host.endsWith("]")) {
                    host = host.substring(1, host.length() - 1);
                }
                out.add(new AccountTarget(host, Integer.parseInt(hostPort.substring(colon + 1)), d.get(i), partition));
            } catch (RuntimeException e) {
                throw SwiftException.plain(400, "Invalid X-Account-Host header");
            }
        }
        return out;
    }

    private static List<String> csv(String s) {
        List<String> out = new ArrayList<>();
        for (String part : s.split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    /**
     * A query parameter as Swift's {@code get_param} reads it: the last value when repeated, 400
     * {@code "<name>" parameter not valid UTF-8} when its bytes are not UTF-8.
     */
    public static String param(RequestPath p, String name) {
        if (p.invalidParams().contains(name)) {
            throw SwiftException.plain(400, "\"" + name + "\" parameter not valid UTF-8");
        }
        List<String> v = p.params().get(name);
        return v == null || v.isEmpty() ? null : v.get(v.size() - 1);
    }

    /** The listing parameters, read and checked in the order Swift's container server reads them. */
    public static ListingQuery containerListing(RequestPath p) {
        String path = param(p, "path");
        String prefix = param(p, "prefix");
        String delimiter = param(p, "delimiter");
        String marker = param(p, "marker");
        String endMarker = param(p, "end_marker");
        int limit = limit(param(p, "limit"));
        boolean reverse = isTrue(param(p, "reverse"));
        return new ListingQuery(prefix, delimiter, marker, endMarker, limit, reverse, path);
    }

    /** The listing parameters, in the order Swift's account server reads them (no {@code path}). */
    public static ListingQuery accountListing(RequestPath p) {
        String prefix = param(p, "prefix");
        String delimiter = param(p, "delimiter");
        boolean reverse = isTrue(param(p, "reverse"));
        int limit = limit(param(p, "limit"));
        String marker = param(p, "marker");
        String endMarker = param(p, "end_marker");
        return new ListingQuery(prefix, delimiter, marker, endMarker, limit, reverse, null);
    }

    /** {@code limit}: digits only (else the default), above 10000 → 412 {@code Maximum limit is 10000}. */
    static int limit(String given) {
        if (given == null || given.isEmpty() || !given.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return ListingQuery.MAX_LIMIT;
        }
        BigInteger n = new BigInteger(given);
        if (n.compareTo(BigInteger.valueOf(ListingQuery.MAX_LIMIT)) > 0) {
            throw SwiftException.html(412, "Maximum limit is " + ListingQuery.MAX_LIMIT);
        }
        return n.intValue();
    }

    /** The listing format from {@code ?format=} and Accept (406 / 400 as Swift). */
    public static ListingFormat format(HttpExchange ex) {
        return ListingFormat.negotiate(param(ex.path(), "format"), ex.headers().get("Accept"));
    }

    static boolean isTrue(String v) {
        return v != null && TRUE.contains(v.toLowerCase(Locale.ROOT));
    }
}
