package io.zerostore.common.swift;

/**
 * Header-name spelling as Swift gives it: title case over the name's bytes ({@code bytes.title()}
 * in Python), i.e. only ASCII letters are cased. {@code x-object-meta-color} becomes
 * {@code X-Object-Meta-Color}; a non-ASCII byte (a char above 0x7F, names being one char per byte)
 * is kept as it is and counts as a non-letter, so {@code x-object-meta-\u00fcml} becomes
 * {@code X-Object-Meta-\u00fcMl} (probed against Swift 2.30).
 */
public final class HeaderCase {
    private HeaderCase() {}

    public static String title(String name) {
        StringBuilder sb = null;
        boolean prevCased = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean upper = c >= 'A' && c <= 'Z';
            boolean cased = upper || (c >= 'a' && c <= 'z');
            char want = !cased ? c : prevCased ? (upper ? (char) (c + 32) : c) : (upper ? c : (char) (c - 32));
            if (want != c && sb == null) {
                sb = new StringBuilder(name.length()).append(name, 0, i);
            }
            if (sb != null) {
                sb.append(want);
            }
            prevCased = cased;
        }
        return sb == null ? name : sb.toString();
    }
}
