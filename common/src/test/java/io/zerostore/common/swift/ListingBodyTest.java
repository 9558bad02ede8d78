package io.zerostore.common.swift;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.common.swift.ListingEntry.ContainerEntry;
import io.zerostore.common.swift.ListingEntry.ObjectEntry;
import io.zerostore.common.swift.ListingEntry.Subdir;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected strings are the probed Swift 2.30 bodies of SWIFT-API.md §6. */
class ListingBodyTest {
    private static final Timestamp T = Timestamp.parse("1795632339.13645");
    private static final List<ListingEntry> CONTAINER = List.of(new Subdir("a/"),
            ObjectEntry.ofRow("b", 5, "text/plain;charset=utf-8", "827ccb0eea8a706c4c34a16891f84e7b", T));

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void containerJson() {
        assertThat(text(ListingBody.container(ListingFormat.JSON, "c", CONTAINER))).isEqualTo(
                "[{\"subdir\": \"a/\"}, {\"bytes\": 5, \"hash\": \"827ccb0eea8a706c4c34a16891f84e7b\", \"name\": \"b\", "
                        + "\"content_type\": \"text/plain;charset=utf-8\", \"last_modified\": \"2026-11-25T18:45:39.136450\"}]");
        assertThat(text(ListingBody.container(ListingFormat.JSON, "c", List.of()))).isEqualTo("[]");
    }

    @Test
    void containerXml() {
        assertThat(text(ListingBody.container(ListingFormat.XML, "pc15008", CONTAINER))).isEqualTo(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<container name=\"pc15008\"><subdir name=\"a/\"><name>a/</name>"
                        + "</subdir><object><name>b</name><hash>827ccb0eea8a706c4c34a16891f84e7b</hash><bytes>5</bytes>"
                        + "<content_type>text/plain;charset=utf-8</content_type><last_modified>2026-11-25T18:45:39.136450"
                        + "</last_modified></object></container>");
        assertThat(text(ListingBody.container(ListingFormat.TEXT_XML, "c", List.of())))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<container name=\"c\" />");
    }

    @Test
    void accountFormats() {
        List<ListingEntry> rows = List.of(
                new ContainerEntry("c1", 0, 0, Timestamp.parse("1795632290.47416")), new Subdir("pc"));
        assertThat(text(ListingBody.account(ListingFormat.JSON, "AUTH_test", rows))).isEqualTo(
                "[{\"name\": \"c1\", \"count\": 0, \"bytes\": 0, \"last_modified\": \"2026-11-25T18:44:50.474160\"}, "
                        + "{\"subdir\": \"pc\"}]");
        assertThat(text(ListingBody.account(ListingFormat.XML, "AUTH_test", rows))).isEqualTo(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<account name=\"AUTH_test\">\n<container><name>c1</name>"
                        + "<count>0</count><bytes>0</bytes><last_modified>2026-11-25T18:44:50.474160</last_modified>"
                        + "</container>\n<subdir name=\"pc\" />\n</account>");
        assertThat(text(ListingBody.account(ListingFormat.XML, "AUTH_x", List.of())))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<account name=\"AUTH_x\">\n</account>");
        assertThat(text(ListingBody.account(ListingFormat.PLAIN, "a", rows))).isEqualTo("c1\npc\n");
        assertThat(ListingBody.account(ListingFormat.PLAIN, "a", List.of())).isEmpty();
    }

    @Test
    void escapingLikePython() {
        List<ListingEntry> rows = List.of(ObjectEntry.ofRow("\u00fc \"q\"\\\n\u007f\ud83d\ude00<&>", 1,
                "text/plain", "e", T));
        assertThat(text(ListingBody.container(ListingFormat.JSON, "c", rows)))
                .contains("\"name\": \"\\u00fc \\\"q\\\"\\\\\\n\\u007f\\ud83d\\ude00<&>\"");
        assertThat(text(ListingBody.container(ListingFormat.XML, "c\"&<\n", rows)))
                .contains("<container name=\"c&quot;&amp;&lt;&#10;\">")
                .contains("<name>\u00fc \"q\"\\\n\u007f\ud83d\ude00&lt;&amp;&gt;</name>");
        assertThat(text(ListingBody.container(ListingFormat.PLAIN, "c", rows)))
                .isEqualTo("\u00fc \"q\"\\\n\u007f\ud83d\ude00<&>\n");
    }

    @Test
    void contentTypeParametersAndSwiftBytes() {
        ObjectEntry e = ObjectEntry.ofRow("o", 10, "text/plain; charset=utf-8", "e", T);
        assertThat(e.contentType()).isEqualTo("text/plain;charset=utf-8");
        ObjectEntry slo = ObjectEntry.ofRow("o", 10, "application/x; swift_bytes=12345; a=b", "e", T);
        assertThat(slo.contentType()).isEqualTo("application/x;a=b");
        assertThat(slo.bytes()).isEqualTo(12345);
        assertThat(ObjectEntry.ofRow("o", 10, "x/y;swift_bytes=nope", "e", T).bytes()).isEqualTo(10);
        assertThat(ObjectEntry.ofRow("o", 1, "", "e", T).contentType()).isEmpty();
        assertThat(text(ListingBody.container(ListingFormat.XML, "c", List.of(ObjectEntry.ofRow("o", 1, "", "e", T)))))
                .contains("<content_type />");
    }
}
