package io.zerostore.common.swift;

/** Text and attribute escaping as Python 3's ElementTree serializes them. */
final class PyXml {
    private PyXml() {}

    /** {@code <tag>text</tag>}, or {@code <tag />} when the text is empty (ElementTree's short empty elements). */
    static void element(StringBuilder sb, String tag, String text) {
        if (text == null || text.isEmpty()) {
            sb.append('<').append(tag).append(" />");
            return;
        }
        sb.append('<').append(tag).append('>');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> sb.append(c);
            }
        }
        sb.append("</").append(tag).append('>');
    }

    static void attribute(StringBuilder sb, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\r' -> sb.append("&#13;");
                case '\n' -> sb.append("&#10;");
                case '\t' -> sb.append("&#09;");
                default -> sb.append(c);
            }
        }
    }
}
