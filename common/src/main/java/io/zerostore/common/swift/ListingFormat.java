package io.zerostore.common.swift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body format of an account or container listing, chosen as Swift's {@code listing_formats}
 * does: {@code ?format=} wins over {@code Accept}; otherwise the best Accept match among
 * {@code text/plain, application/json, application/xml, text/xml}.
 */
public enum ListingFormat {
    PLAIN("text/plain"), JSON("application/json"), XML("application/xml"), TEXT_XML("text/xml");

    private static final String TOKEN = "[^()<>@,;:\"/\\[\\]?={}\\x00-\\x20\\x7f]+";
    private static final String QUOTED = "\"(?:[^\"]|(?:\\\\.))*\"";
    private static final String EXTENSION = "(?:\\s*;\\s*(?:" + TOKEN + ")\\s*=\\s*(?:" + TOKEN + "|" + QUOTED + "))";
    private static final Pattern ACCEPT = Pattern.compile(
            "^\\s*(" + TOKEN + ")/(" + TOKEN + ")(" + EXTENSION + "*?\\s*)$", Pattern.UNICODE_CHARACTER_CLASS);

    private final String mediaType;

    ListingFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The response's Content-Type: listings always name a lower-case utf-8 charset. */
    public String contentType() {
        return mediaType + "; charset=utf-8";
    }

    public boolean isXml() {
        return this == XML || this == TEXT_XML;
    }

    /**
     * Picks the format.
     *
     * @param formatParam the {@code format} query value (null or empty: not given); unknown values mean plain
     * @param accept      the Accept header (null or empty: plain)
     * @throws SwiftException 406 when nothing acceptable is offered, 400 for an unparseable Accept
     */
    public static ListingFormat negotiate(String formatParam, String accept) {
        String header = accept;
        if (formatParam != null && !formatParam.isEmpty()) {
            header = switch (formatParam.toLowerCase(Locale.ROOT)) {
                case "json" -> JSON.mediaType;
                case "xml" -> XML.mediaType;
                default -> PLAIN.mediaType;
            };
        }
        if (header == null || header.isEmpty()) {
            return PLAIN;
        }
        for (Range r : parse(header)) {
            for (ListingFormat f : values()) {
                if (r.matches(f.mediaType)) {
                    return f;
                }
            }
        }
        throw new SwiftException(406);
    }

    private record Range(String type, String subtype, double quality) {
        boolean exact() {
            return !type.equals("*") && !subtype.equals("*");
        }

        boolean matches(String mediaType) {
            int slash = mediaType.indexOf('/');
            // case-sensitive like swob's regex match
            return (type.equals("*") || type.equals(mediaType.substring(0, slash)))
                    && (subtype.equals("*") || subtype.equals(mediaType.substring(slash + 1)));
        }
    }

    /** swob's Accept parsing: ranges ordered by quality, then exact before wildcard, stable. */
    private static List<Range> parse(String header) {
        List<Range> ranges = new ArrayList<>();
        for (String item : header.split(",", -1)) {
            Matcher m = ACCEPT.matcher(item);
            if (!m.find()) {
                throw invalidAccept();
            }
            double quality = 1.0;
            boolean seenQ = false;
            for (String parm : m.group(3).split(";", -1)) {
                parm = parm.strip();
                if (parm.isEmpty()) {
                    continue;
                }
                String[] kv = parm.split("=", -1);
                if (kv.length != 2) {
                    throw invalidAccept();
                }
                if (kv[0].strip().equals("q")) {
                    if (seenQ) {
                        throw invalidAccept();
                    }
                    seenQ = true;
                    quality = parseQuality(kv[1].strip());
                }
            }
            ranges.add(new Range(m.group(1), m.group(2), quality));
        }
        ranges.sort(Comparator.comparingDouble(Range::quality)
                .thenComparing(Range::exact, Boolean::compare).reversed());
        return ranges;
    }

    private static double parseQuality(String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw invalidAccept();
        }
    }

    private static SwiftException invalidAccept() {
        return SwiftException.html(400, "Invalid Accept header");
    }
}
