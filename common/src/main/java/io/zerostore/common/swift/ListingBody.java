package io.zerostore.common.swift;

import io.zerostore.common.swift.ListingEntry.ContainerEntry;
import io.zerostore.common.swift.ListingEntry.ObjectEntry;
import io.zerostore.common.swift.ListingEntry.Subdir;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Listing bodies byte for byte as Swift 2.30 writes them: JSON from Python's {@code json.dumps}
 * (separators {@code ", "} and {@code ": "}, ASCII-only with {@code \\uXXXX} escapes), XML from
 * ElementTree (container XML on one line; account XML with a newline after each element), and
 * plain text with one name per line. An empty plain listing is an empty body (the server answers 204).
 */
public final class ListingBody {
    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private ListingBody() {}

    public static byte[] container(ListingFormat format, String containerName, List<? extends ListingEntry> entries) {
        String text = switch (format) {
            case PLAIN -> plain(entries);
            case JSON -> json(entries);
            case XML, TEXT_XML -> containerXml(containerName, entries);
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] account(ListingFormat format, String accountName, List<? extends ListingEntry> entries) {
        String text = switch (format) {
            case PLAIN -> plain(entries);
            case JSON -> json(entries);
            case XML, TEXT_XML -> accountXml(accountName, entries);
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String plain(List<? extends ListingEntry> entries) {
        StringBuilder sb = new StringBuilder();
        for (ListingEntry e : entries) {
            sb.append(e.name()).append('\n');
        }
        return sb.toString();
    }

    private static String json(List<? extends ListingEntry> entries) {
        StringBuilder sb = new StringBuilder(entries.size() * 128 + 2).append('[');
        boolean first = true;
        for (ListingEntry e : entries) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            if (e instanceof Subdir s) {
                sb.append("{\"subdir\": ");
                PyJson.string(sb, s.name());
                sb.append('}');
            } else if (e instanceof ObjectEntry o) {
                sb.append("{\"bytes\": ").append(o.bytes()).append(", \"hash\": ");
                PyJson.string(sb, o.hash());
                sb.append(", \"name\": ");
                PyJson.string(sb, o.name());
                sb.append(", \"content_type\": ");
                PyJson.string(sb, o.contentType());
                sb.append(", \"last_modified\": \"").append(o.lastModified().isoListing()).append("\"}");
            } else if (e instanceof ContainerEntry c) {
                sb.append("{\"name\": ");
                PyJson.string(sb, c.name());
                sb.append(", \"count\": ").append(c.count())
                        .append(", \"bytes\": ").append(c.bytes())
                        .append(", \"last_modified\": \"").append(c.lastModified().isoListing()).append("\"}");
            }
        }
        return sb.append(']').toString();
    }

    private static String containerXml(String name, List<? extends ListingEntry> entries) {
        StringBuilder sb = new StringBuilder(XML_DECLARATION).append("<container name=\"");
        PyXml.attribute(sb, name);
        if (entries.isEmpty()) {
            return sb.append("\" />").toString();
        }
        sb.append("\">");
        for (ListingEntry e : entries) {
            if (e instanceof Subdir s) {
                sb.append("<subdir name=\"");
                PyXml.attribute(sb, s.name());
                sb.append("\">");
                PyXml.element(sb, "name", s.name());
                sb.append("</subdir>");
            } else if (e instanceof ObjectEntry o) {
                sb.append("<object>");
                PyXml.element(sb, "name", o.name());
                PyXml.element(sb, "hash", o.hash());
                PyXml.element(sb, "bytes", Long.toString(o.bytes()));
                PyXml.element(sb, "content_type", o.contentType());
                PyXml.element(sb, "last_modified", o.lastModified().isoListing());
                sb.append("</object>");
            } else {
                throw new IllegalArgumentException("not a container listing entry: " + e);
            }
        }
        return sb.append("</container>").toString();
    }

    private static String accountXml(String name, List<? extends ListingEntry> entries) {
        StringBuilder sb = new StringBuilder(XML_DECLARATION).append("<account name=\"");
        PyXml.attribute(sb, name);
        sb.append("\">\n");
        for (ListingEntry e : entries) {
            if (e instanceof Subdir s) {
                sb.append("<subdir name=\"");
                PyXml.attribute(sb, s.name());
                sb.append("\" />");
            } else if (e instanceof ContainerEntry c) {
                sb.append("<container>");
                PyXml.element(sb, "name", c.name());
                PyXml.element(sb, "count", Long.toString(c.count()));
                PyXml.element(sb, "bytes", Long.toString(c.bytes()));
                PyXml.element(sb, "last_modified", c.lastModified().isoListing());
                sb.append("</container>");
            } else {
                throw new IllegalArgumentException("not an account listing entry: " + e);
            }
            sb.append('\n');
        }
        return sb.append("</account>").toString();
    }
}
