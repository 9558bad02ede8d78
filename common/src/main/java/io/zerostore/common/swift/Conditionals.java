package io.zerostore.common.swift;

import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Swift's conditional GET/HEAD evaluation (swob {@code _get_conditional_response_status}), in its
 * order: If-None-Match (304), If-Match (412), If-Match {@code *} on a missing object (412),
 * If-Modified-Since (304), If-Unmodified-Since (412). ETags compare with surrounding quotes
 * stripped; dates at whole seconds against the ceiled Last-Modified; unparseable dates are ignored.
 */
public final class Conditionals {
    private Conditionals() {}

    /** The request headers that matter; any may be null. */
    public record Request(String ifMatch, String ifNoneMatch, String ifModifiedSince, String ifUnmodifiedSince) {}

    /**
     * @param etag         the object's ETag, null when there is no object
     * @param status       the status the response would have (404 for a missing object)
     * @param lastModified the ceiled Last-Modified in epoch seconds, or -1 when unknown
     * @return 304 or 412, or 0 when the request proceeds
     */
    public static int evaluate(Request req, String etag, int status, long lastModified) {
        Set<String> noneMatch = tags(req.ifNoneMatch());
        Set<String> match = tags(req.ifMatch());
        if (etag != null && noneMatch != null && contains(noneMatch, etag)) {
            return 304;
        }
        if (etag != null && match != null && !contains(match, etag)) {
            return 412;
        }
        if (status == 404 && match != null && match.contains("*")) {
            return 412;
        }
        if (lastModified >= 0) {
            OptionalLong ims = HttpDate.parse(req.ifModifiedSince());
            if (ims.isPresent() && lastModified <= ims.getAsLong()) {
                return 304;
            }
            OptionalLong ius = HttpDate.parse(req.ifUnmodifiedSince());
            if (ius.isPresent() && lastModified > ius.getAsLong()) {
                return 412;
            }
        }
        return 0;
    }

    /** The tags of an If-(None-)Match header, quotes stripped; null when the header is absent. */
    public static Set<String> tags(String header) {
        if (header == null) {
            return null;
        }
        Set<String> tags = new HashSet<>();
        for (String t : header.split(",")) {
            t = t.strip();
            if (!t.isEmpty()) {
                tags.add(normalize(t));
            }
        }
        return tags;
    }

    /** Swift's match: {@code *} matches anything. */
    public static boolean contains(Set<String> tags, String etag) {
        return tags.contains("*") || tags.contains(normalize(etag));
    }

    /** Strips one pair of surrounding double quotes. */
    public static String normalize(String tag) {
        if (tag != null && tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            return tag.substring(1, tag.length() - 1);
        }
        return tag;
    }
}
