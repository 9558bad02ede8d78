package io.zerostore.proxy.controller;

import io.zerostore.common.swift.SwiftException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Which listing format a client asked for (Swift's {@code get_listing_content_type}): the
 * {@code format} parameter wins, else the best {@code Accept} match among text/plain,
 * application/json, application/xml and text/xml. The storage servers apply the same rule to real
 * listings; the proxy needs it for the account it synthesizes.
 */
public final class ListingFormat {
    private static final List<String> OFFERS = List.of("text/plain", "application/json", "application/xml", "text/xml");

    private record Range(String type, String subtype, double q) {
        boolean matches(String offer) {
            int slash = offer.indexOf('/');
            return (type.equals("*") || type.equals(offer.substring(0, slash)))
                    && (subtype.equals("*") || subtype.equals(offer.substring(slash + 1)));
        }
    }

    private ListingFormat() {}

    /** The content type (without charset) to answer with; 406 or 400 as Swift. */
    public static String contentType(String formatParam, String accept) {
        if (formatParam != null && !formatParam.isEmpty()) {
            return switch (formatParam.toLowerCase(Locale.ROOT)) {
                case "json" -> "application/json";
                case "xml" -> "application/xml";
                default -> "text/plain";
            };
        }
        if (accept == null || accept.isBlank()) {
            return "text/plain";
        }
        List<Range> ranges = parse(accept);
        ranges.sort(Comparator.comparingDouble((Range r) -> r.q).reversed());
        for (Range r : ranges) {
            if (r.q <= 0) {
                continue;
            }
            for (String offer : OFFERS) {
                if (r.matches(offer)) {
                    return offer;
                }
            }
        }
        throw new SwiftException(406);
    }

    private static List<Range> parse(String accept) {
        List<Range> out = new ArrayList<>();
        for (String part : accept.split(",")) {
            String[] pieces = part.split(";");
            String media = pieces[0].strip().toLowerCase(Locale.ROOT);
            int slash = media.indexOf('/');
            if (slash <= 0 || slash == media.length() - 1 || media.indexOf('/', slash + 1) >= 0) {
                throw SwiftException.html(400, "Invalid Accept header");
            }
            double q = 1.0;
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].strip();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        throw SwiftException.html(400, "Invalid Accept header");
                    }
                }
            }
            out.add(new Range(media.substring(0, slash), media.substring(slash + 1), q));
        }
        return out;
    }
}
