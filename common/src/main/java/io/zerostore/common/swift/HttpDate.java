package io.zerostore.common.swift;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP dates as Swift writes and reads them. Writing: RFC 1123 in GMT
 * ({@code Wed, 25 Nov 2026 18:45:00 GMT}). Reading follows Python's {@code email.utils.parsedate},
 * which swob uses for If-Modified-Since and If-Unmodified-Since: RFC 1123, RFC 850 and asctime
 * forms, the weekday optional, the zone ignored (taken as UTC); anything else is "no date", and
 * the condition is then ignored rather than rejected.
 */
public final class HttpDate {
    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?:[A-Za-z]+,?\\s*)?(\\d{1,2})[\\s-]+([A-Za-z]{3})[A-Za-z]*[\\s-]+(\\d{2,4})\\s+"
                    + "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s.*)?");
    private static final Pattern ASCTIME = Pattern.compile(
            "(?:[A-Za-z]+,?\\s+)?([A-Za-z]{3})[A-Za-z]*\\s+(\\d{1,2})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s+(\\d{2,4})(?:\\s.*)?");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    private HttpDate() {}

    /** {@code Wed, 25 Nov 2026 18:45:00 GMT} for whole seconds since the epoch. */
    public static String format(long epochSeconds) {
        return RFC_1123.format(java.time.Instant.ofEpochSecond(epochSeconds));
    }

    /** Seconds since the epoch, or empty when the text is not a date Python's parsedate accepts. */
    public static OptionalLong parse(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        String s = text.strip();
        Matcher m = DAY_MONTH_YEAR.matcher(s);
        if (m.matches()) {
            return of(m.group(3), m.group(2), m.group(1), m.group(4), m.group(5), m.group(6));
        }
        m = ASCTIME.matcher(s);
        if (m.matches()) {
            return of(m.group(6), m.group(1), m.group(2), m.group(3), m.group(4), m.group(5));
        }
        return OptionalLong.empty();
    }

    private static OptionalLong of(String year, String month, String day, String hour, String minute,
                                   String second) {
        Integer mon = MONTHS.get(month.toLowerCase(Locale.ROOT));
        if (mon == null) {
            return OptionalLong.empty();
        }
        int y = Integer.parseInt(year);
        if (year.length() <= 2) {
            y += y > 68 ? 1900 : 2000; // Python's two-digit year rule
        }
        try {
            LocalDateTime t = LocalDateTime.of(y, mon, Integer.parseInt(day), Integer.parseInt(hour),
                    Integer.parseInt(minute), second == null ? 0 : Integer.parseInt(second));
            return OptionalLong.of(t.toEpochSecond(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return OptionalLong.empty();
        }
    }
}
