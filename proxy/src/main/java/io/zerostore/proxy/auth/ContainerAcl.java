package io.zerostore.proxy.auth;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Swift's v1 container ACLs ({@code X-Container-Read}, {@code X-Container-Write}): comma lists of
 * referrer designators ({@code .r:*}, {@code .r:.example.com}, {@code .r:-bad.host}), the
 * {@code .rlistings} grant and account / {@code account:user} / group names.
 */
public final class ContainerAcl {
    /** The parsed ACL: referrer rules and group names. */
    public record Parsed(List<String> referrers, List<String> groups) {}

    private ContainerAcl() {}

    public static Parsed parse(String acl) {
        List<String> referrers = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        if (acl != null && !acl.isEmpty()) {
            for (String raw : acl.split(",")) {
                String v = raw.strip();
                if (v.startsWith(".r:")) {
                    referrers.add(v.substring(3));
                } else {
                    groups.add(v);
                }
            }
        }
        return new Parsed(referrers, groups);
    }

    /** True when the Referer's host is allowed by the referrer rules (later rules win). */
    public static boolean referrerAllowed(String referer, List<String> rules) {
        boolean allow = false;
        if (rules.isEmpty()) {
            return false;
        }
        String rhost = hostOf(referer);
        for (String rule : rules) {
            if (rule.startsWith("-")) {
                String m = rule.substring(1);
                if (m.equals(rhost) || (m.startsWith(".") && rhost.endsWith(m))) {
                    allow = false;
                }
            } else if (rule.equals("*") || rule.equals(rhost) || (rule.startsWith(".") && rhost.endsWith(rule))) {
                allow = true;
            }
        }
        return allow;
    }

    private static String hostOf(String referer) {
        if (referer == null || referer.isEmpty()) {
            return "unknown";
        }
        try {
            String h = URI.create(referer.strip()).getHost();
            return h == null ? "unknown" : h.toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "unknown";
        }
    }

    /**
     * Normalizes an ACL header value set by an owner (Swift's {@code clean_acl}): {@code .ref:},
     * {@code .referer:} and {@code .referrer:} become {@code .r:}, a leading {@code *} of a
     * domain is dropped.
     *
     * @throws IllegalArgumentException with Swift's message for a value it refuses
     */
    public static String clean(String headerName, String value) {
        String name = headerName.toLowerCase(java.util.Locale.ROOT);
        List<String> values = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String raw = part.strip();
            if (raw.isEmpty()) {
                continue;
            }
            int colon = raw.indexOf(':');
            if (colon < 0) {
                values.add(raw);
                continue;
            }
            String first = raw.substring(0, colon).strip();
            String second = raw.substring(colon + 1).strip();
            if (first.isEmpty() || !first.startsWith(".")) {
                values.add(raw);
            } else if (first.equals(".r") || first.equals(".ref") || first.equals(".referer")
                    || first.equals(".referrer")) {
                if (name.contains("write")) {
                    throw new IllegalArgumentException("Referrers not allowed in write ACL: " + pyRepr(raw));
                }
                boolean negate = false;
                if (second.startsWith("-")) {
                    negate = true;
                    second = second.substring(1).strip();
                }
                if (!second.isEmpty() && !second.equals("*") && second.startsWith("*")) {
                    second = second.substring(1).strip();
                }
                if (second.isEmpty() || second.equals(".")) {
                    throw new IllegalArgumentException(
                            "No host/domain value after referrer designation in ACL: " + pyRepr(raw));
                }
                values.add(".r:" + (negate ? "-" : "") + second);
            } else {
                throw new IllegalArgumentException(
                        "Unknown designator " + pyRepr(first) + " in ACL: " + pyRepr(raw));
            }
        }
        return String.join(",", values);
    }

    /** Python's repr of a str, as Swift puts it in these messages. */
    static String pyRepr(String s) {
        if (s.indexOf('\'') >= 0 && s.indexOf('"') < 0) {
            return "\"" + s + "\"";
        }
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
