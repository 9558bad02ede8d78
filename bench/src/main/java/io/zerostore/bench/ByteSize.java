package io.zerostore.bench;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;

/** Parses sizes such as {@code 4096}, {@code 4KiB}, {@code 256MiB}, {@code 1GiB} (also k/m/g). */
public final class ByteSize implements ITypeConverter<Long> {

    @Override
    public Long convert(String value) {
        return parse(value);
    }

    public static long parse(String value) {
        String s = value.trim().toLowerCase(Locale.ROOT);
        long factor = 1;
        String[][] suffixes = {{"kib", "1024"}, {"mib", "1048576"}, {"gib", "1073741824"},
            {"k", "1024"}, {"m", "1048576"}, {"g", "1073741824"}, {"b", "1"}};
        for (String[] suffix : suffixes) {
            if (s.endsWith(suffix[0])) {
                factor = Long.parseLong(suffix[1]);
                s = s.substring(0, s.length() - suffix[0].length()).trim();
                break;
            }
        }
        long n = Long.parseLong(s);
        if (n < 0) {
            throw new IllegalArgumentException("negative size: " + value);
        }
        return Math.multiplyExact(n, factor);
    }
}
