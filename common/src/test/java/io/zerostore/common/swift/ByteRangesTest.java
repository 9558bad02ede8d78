package io.zerostore.common.swift;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.common.swift.ByteRanges.Range;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** swob's Range rules, SWIFT-API.md §8. */
class ByteRangesTest {
    private static List<Range> ranges(String header, long size) {
        return ByteRanges.parse(header).orElseThrow().forLength(size);
    }

    @Test
    void singleSuffixAndOpenRanges() {
        assertThat(ranges("bytes=0-4", 11)).containsExactly(new Range(0, 5));
        assertThat(ranges("bytes=6-100", 11)).containsExactly(new Range(6, 11));
        assertThat(ranges("bytes=6-", 11)).containsExactly(new Range(6, 11));
        assertThat(ranges("bytes=-3", 11)).containsExactly(new Range(8, 11));
        assertThat(ranges("bytes=-30", 11)).containsExactly(new Range(0, 11));
        assertThat(ranges("BYTES = 1 - 2", 11)).containsExactly(new Range(1, 3));
        assertThat(new Range(8, 11).contentRange(11)).isEqualTo("bytes 8-10/11");
    }

    @Test
    void syntacticallyBadHeadersAreIgnored() {
        for (String bad : new String[] {"bytes=5-3", "bytes=-", "bytes=45", "bytes=a-b", "items=0-1", "bytes=0-1,x",
                "bytes=--0", "", "bytes=1--2"}) {
            assertThat(ByteRanges.parse(bad)).as(bad).isEmpty();
        }
        assertThat(ByteRanges.parse(null)).isEmpty();
    }

    @Test
    void unsatisfiableSpecsAreDroppedAndNoneLeftIs416() {
        assertThat(ranges("bytes=20-30", 11)).isEmpty();
        assertThat(ranges("bytes=-0", 11)).isEmpty();
        assertThat(ranges("bytes=20-30,0-1", 11)).containsExactly(new Range(0, 2));
        assertThat(ranges("bytes=0-5", 0)).isEmpty();
        assertThat(ranges("bytes=-5", 0)).containsExactly(new Range(0, 0));
        assertThat(ranges("bytes=0-99999999999999999999999", 11)).containsExactly(new Range(0, 11));
    }

    @Test
    void egregiousRangeSetsAre416() {
        // two overlapping pairs pass, three are refused
        assertThat(ranges("bytes=0-5,1-6", 100)).hasSize(2);
        assertThat(ranges("bytes=0-10,1-9,2-8", 100)).isEmpty();
        // 7 descending ranges pass, 8 are refused
        assertThat(ranges("bytes=70-71,60-61,50-51,40-41,30-31,20-21,10-11", 100)).hasSize(7);
        assertThat(ranges("bytes=70-71,60-61,50-51,40-41,30-31,20-21,10-11,0-1", 100)).isEmpty();
        StringBuilder many = new StringBuilder("bytes=");
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ",").append(i * 2).append('-').append(i * 2);
        }
        assertThat(ranges(many.toString(), 1000)).isEmpty();
        assertThat(ranges(many.substring(0, many.lastIndexOf(",")), 1000)).hasSize(50);
    }

    @Test
    void multipartFramingMatchesSwob() {
        MultipartByteranges mp = new MultipartByteranges("c43e981b59df79ddfc7577cb3c4deb29", "text/plain", 11);
        List<Range> rs = List.of(new Range(0, 2), new Range(4, 6));
        byte[] body = "hello world".getBytes(StandardCharsets.US_ASCII);
        StringBuilder sb = new StringBuilder();
        for (Range r : rs) {
            sb.append(new String(mp.partHead(r), StandardCharsets.ISO_8859_1))
                    .append(new String(body, (int) r.start(), (int) r.length(), StandardCharsets.ISO_8859_1))
                    .append("\r\n");
        }
        sb.append(new String(mp.closing(), StandardCharsets.ISO_8859_1));
        assertThat(sb.toString()).isEqualTo("--c43e981b59df79ddfc7577cb3c4deb29\r\n"
                + "Content-Type: text/plain\r\n"
                + "Content-Range: bytes 0-1/11\r\n"
                + "\r\n"
                + "he\r\n"
                + "--c43e981b59df79ddfc7577cb3c4deb29\r\n"
                + "Content-Type: text/plain\r\n"
                + "Content-Range: bytes 4-5/11\r\n"
                + "\r\n"
                + "o \r\n"
                + "--c43e981b59df79ddfc7577cb3c4deb29--");
        assertThat(mp.contentLength(rs)).isEqualTo(sb.length());
        assertThat(mp.responseContentType()).isEqualTo("multipart/byteranges;boundary=c43e981b59df79ddfc7577cb3c4deb29");
        assertThat(MultipartByteranges.randomBoundary()).matches("[0-9a-f]{32}");
    }
}
