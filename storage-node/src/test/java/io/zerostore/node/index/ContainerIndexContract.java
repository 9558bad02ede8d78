package io.zerostore.node.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerostore.common.swift.ListingEntry;
import io.zerostore.common.swift.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The {@link ContainerIndex} contract; every implementation runs it by extending this class. */
@Timeout(60)
abstract class ContainerIndexContract {
    static final String A = "AUTH_test";
    static final List<AccountTarget> TARGET = List.of(new AccountTarget("127.0.0.1", 6012, "d1", "3"));

    /** A fresh, empty index. */
    abstract ContainerIndex index() throws Exception;

    /** The same index closed and opened again. */
    abstract ContainerIndex reopen() throws Exception;

    static Timestamp ts(double seconds) {
        return Timestamp.ofEpochSecond(seconds);
    }

    static <T> T get(CompletableFuture<T> f) {
        return f.join();
    }

    static ContainerIndex create(ContainerIndex idx, String c, double at) {
        assertThat(get(idx.put(A, c, ts(at), Metadata.empty(), List.of())).outcome()).isEqualTo(Outcome.CREATED);
        return idx;
    }

    static void putRow(ContainerIndex idx, String c, String name, double at, long size) {
        assertThat(get(idx.updateObject(A, c, ObjectRow.put(name, ts(at), size, "text/plain", "etag-" + name)))
                .outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    static List<String> names(ContainerIndex idx, String c, ListingQuery q) {
        List<String> out = new ArrayList<>();
        for (ListingEntry e : get(idx.list(A, c, q)).entries()) {
            out.add(e instanceof ListingEntry.Subdir ? "dir:" + e.name() : e.name());
        }
        return out;
    }

    static ContainerInfo info(ContainerIndex idx, String c) {
        return get(idx.info(A, c)).orElseThrow();
    }

    @Test
    void createReputAndInfo() throws Exception {
        ContainerIndex idx = index();
        assertThat(get(idx.info(A, "c"))).isEmpty();
        create(idx, "c", 100);
        ContainerUpdate again = get(idx.put(A, "c", ts(101), Metadata.empty(), List.of()));
        assertThat(again.outcome()).isEqualTo(Outcome.ACCEPTED);
        ContainerInfo i = info(idx, "c");
        assertThat(i.createdAt()).isEqualTo(ts(100));
        assertThat(i.putTimestamp()).isEqualTo(ts(101));
        assertThat(i.isDeleted()).isFalse();
        assertThat(get(idx.put(A, "c", ts(99), Metadata.empty(), List.of())).info().putTimestamp())
                .as("an older PUT does not move the put timestamp back").isEqualTo(ts(101));
        assertThat(get(idx.info(A, "other"))).isEmpty();
        assertThat(get(idx.info("AUTH_other", "c"))).isEmpty();
    }

    @Test
    void metadataMergesPerKeyByTimestamp() throws Exception {
        ContainerIndex idx = index();
        get(idx.put(A, "c", ts(100), Metadata.of(Map.of("X-Container-Meta-Color", "red",
                "x-container-read", ".r:*"), ts(100)), List.of()));
        get(idx.post(A, "c", ts(102), Metadata.of(Map.of("X-Container-Meta-Color", "blue"), ts(102))));
        get(idx.post(A, "c", ts(101), Metadata.of(Map.of("X-CONTAINER-META-COLOR", "green",
                "X-Container-Meta-Size", "L"), ts(101))));
        assertThat(info(idx, "c").metadata().visible()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "X-Container-Meta-Color", "blue", "X-Container-Read", ".r:*", "X-Container-Meta-Size", "L"));
        get(idx.post(A, "c", ts(103), Metadata.of(Map.of("X-Container-Meta-Size", ""), ts(103))));
        assertThat(info(idx, "c").metadata().visible()).doesNotContainKey("X-Container-Meta-Size");
        assertThat(info(idx, "c").putTimestamp()).as("POST moves the put timestamp (Last-Modified)").isEqualTo(ts(103));
        assertThat(get(idx.post(A, "missing", ts(104), Metadata.empty())).outcome()).isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void metadataLimitsRejectTheWholeRequest() throws Exception {
        ContainerIndex idx = create(index(), "c", 100);
        Map<String, String> many = new java.util.HashMap<>();
        for (int i = 0; i < 91; i++) {
            many.put("X-Container-Meta-K" + i, "v");
        }
        assertThatThrownBy(() -> get(idx.post(A, "c", ts(101), Metadata.of(many, ts(101)))))
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(MetadataLimitException.class)
                .hasMessageContaining("Too many metadata items; max 90");
        assertThatThrownBy(() -> get(idx.post(A, "c", ts(101), Metadata.of(Map.of("X-Container-Meta-Big",
                "x".repeat(4097)), ts(101))))).hasMessageContaining("Total metadata too large; max 4096");
        assertThat(get(idx.post(A, "c", ts(101), Metadata.of(Map.of("X-Container-Sysmeta-Big", "x".repeat(5000)),
                ts(101)))).outcome()).as("sysmeta does not count").isEqualTo(Outcome.ACCEPTED);
        assertThat(info(idx, "c").metadata().visible()).containsOnlyKeys("X-Container-Sysmeta-Big");
        assertThat(info(idx, "c").putTimestamp()).isEqualTo(ts(101));
    }

    @Test
    void objectRowsMergeByTimestampAndKeepStats() throws Exception {
        ContainerIndex idx = create(index(), "c", 100);
        putRow(idx, "o", 110, 10);
        putRow(idx, "p", 110, 5);
        putRow(idx, "o", 109, 1000); // older: ignored
        assertThat(info(idx, "c").objectCount()).isEqualTo(2);
        assertThat(info(idx, "c").bytesUsed()).isEqualTo(15);
        putRow(idx, "o", 111, 20); // newer overwrite
        assertThat(info(idx, "c").bytesUsed()).isEqualTo(25);
        get(idx.updateObject(A, "c", ObjectRow.delete("o", ts(112))));
        putRow(idx, "o", 111.5, 7); // older than the tombstone: ignored
        assertThat(info(idx, "c").objectCount()).isEqualTo(1);
        assertThat(info(idx, "c").bytesUsed()).isEqualTo(5);
        assertThat(names(idx, "c", ListingQuery.all())).containsExactly("p");
        putRow(idx, "o", 113, 3); // newer than the tombstone
        assertThat(names(idx, "c", ListingQuery.all())).containsExactly("o", "p");
        get(idx.updateObject(A, "c", ObjectRow.delete("never", ts(114)))); // tombstone without a row
        assertThat(info(idx, "c").objectCount()).isEqualTo(2);
        assertThat(info(idx, "c").bytesUsed()).isEqualTo(8);
        assertThat(get(idx.updateObject(A, "nope", ObjectRow.put("o", ts(1), 1, "x", "e"))).outcome())
                .isEqualTo(Outcome.NOT_FOUND);
        ListingEntry.ObjectEntry e = (ListingEntry.ObjectEntry) get(idx.list(A, "c", ListingQuery.all())).entries().get(0);
        assertThat(e).isEqualTo(new ListingEntry.ObjectEntry("o", 3, "etag-o", "text/plain", ts(113)));
    }

    @Test
    void deleteRules() throws Exception {
        ContainerIndex idx = create(index(), "c", 100);
        get(idx.post(A, "c", ts(101), Metadata.of(Map.of("X-Container-Meta-A", "1"), ts(101))));
        putRow(idx, "o", 110, 1);
        assertThat(get(idx.delete(A, "c", ts(120), List.of())).outcome()).as("not empty").isEqualTo(Outcome.CONFLICT);
        get(idx.updateObject(A, "c", ObjectRow.delete("o", ts(121))));
        assertThat(get(idx.delete(A, "c", ts(100.5), List.of())).outcome()).as("older than the put")
                .isEqualTo(Outcome.CONFLICT);
        assertThat(get(idx.delete(A, "c", ts(122), List.of())).outcome()).isEqualTo(Outcome.DELETED);
        assertThat(info(idx, "c").isDeleted()).isTrue();
        assertThat(get(idx.list(A, "c", ListingQuery.all())).info().isDeleted()).isTrue();
        assertThat(get(idx.delete(A, "c", ts(123), List.of())).outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(get(idx.delete(A, "missing", ts(123), List.of())).outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(get(idx.post(A, "c", ts(124), Metadata.empty())).outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(get(idx.put(A, "c", ts(110), Metadata.empty(), List.of())).outcome())
                .as("a PUT older than the delete").isEqualTo(Outcome.CONFLICT);
        ContainerUpdate re = get(idx.put(A, "c", ts(130), Metadata.empty(), List.of()));
        assertThat(re.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(re.info().metadata().visible()).as("the delete cleared the metadata").isEmpty();
        assertThat(re.info().statusChangedAt()).isEqualTo(ts(130));
    }

    @Test
    void listingOrderIsUtf8Bytes() throws Exception {
        ContainerIndex idx = create(index(), "c", 100);
        // UTF-16 order would put the emoji (a surrogate pair) before U+FFFD; UTF-8 puts it after.
        List<String> sorted = List.of("a/b/c", "a/d", "b", "empty", "o1", "o2.json", "sp ace", "z", "\u00fc",
                "\ufffd", "\ud83d\ude00");
        List<String> reversed = new ArrayList<>(sorted);
        java.util.Collections.reverse(reversed);
        List<CompletableFuture<RowUpdate>> puts = new ArrayList<>();
        for (String n : reversed) {
            puts.add(idx.updateObject(A, "c", ObjectRow.put(n, ts(110), 1, "t", "e")));
        }
        puts.forEach(CompletableFuture::join);
        assertThat(names(idx, "c", ListingQuery.all())).containsExactlyElementsOf(sorted);
        assertThat(names(idx, "c", ListingQuery.builder().reverse(true).build()))
                .containsExactlyElementsOf(reversed);
    }

    @Test
    void listingParameters() throws Exception {
        ContainerIndex idx = create(index(), "c", 100);
        for (String n : List.of("a/b/c", "a/d", "a/", "b", "b-1", "b-2", "c/x", "d")) {
            putRow(idx, "c", n, 110, 1);
        }
        assertThat(names(idx, "c", q().marker("a/d").endMarker("c/x").build())).containsExactly("b", "b-1", "b-2");
        assertThat(names(idx, "c", q().prefix("b-").build())).containsExactly("b-1", "b-2");
        assertThat(names(idx, "c", q().prefix("b").marker("a").build())).as("marker below prefix is ignored")
                .containsExactly("b", "b-1", "b-2");
        assertThat(names(idx, "c", q().limit(2).build())).containsExactly("a/", "a/b/c");
        assertThat(names(idx, "c", q().limit(0).build())).isEmpty();
        assertThat(names(idx, "c", q().delimiter("/").build())).containsExactly("dir:a/", "b", "b-1", "b-2", "dir:c/", "d");
        assertThat(names(idx, "c", q().delimiter("/").limit(3).build())).containsExactly("dir:a/", "b", "b-1");
        assertThat(names(idx, "c", q().delimiter("/").marker("a/").build())).as("subdir equal to the marker")
                .containsExactly("b", "b-1", "b-2", "dir:c/", "d");
        assertThat(names(idx, "c", q().delimiter("/").prefix("a/").build())).containsExactly("a/", "dir:a/b/", "a/d");
        assertThat(names(idx, "c", q().delimiter("-").build())).containsExactly("a/", "a/b/c", "a/d", "b", "dir:b-",
                "c/x", "d");
        assertThat(names(idx, "c", q().delimiter("/d").build())).as("multi-character delimiter")
                .containsExactly("a/", "a/b/c", "dir:a/d", "b", "b-1", "b-2", "c/x", "d");
        assertThat(names(idx, "c", q().reverse(true).delimiter("/").build()))
                .containsExactly("d", "dir:c/", "b-2", "b-1", "b", "dir:a/");
        assertThat(names(idx, "c", q().reverse(true).marker("b-2").endMarker("a/d").build()))
                .containsExactly("b-1", "b");
        assertThat(names(idx, "c", q().path("a").build())).as("path: direct children only").containsExactly("a/d");
        assertThat(names(idx, "c", q().path("a/b/").build())).containsExactly("a/b/c");
        assertThat(names(idx, "c", q().path("a").reverse(true).build())).containsExactly("a/d");
    }

    static ListingQuery.Builder q() {
        return ListingQuery.builder();
    }

    @Test
    void listingAgreesWithSwiftsAlgorithm() throws Exception {
        ContainerIndex idx = create(index(), "c", 100);
        Random rnd = new Random(42);
        String[] pieces = {"a", "b", "/", "-", "\u00fc", "\ud83d\ude00", "x/", "ab"};
        SwiftListingModel model = new SwiftListingModel();
        List<String> all = new ArrayList<>();
        List<CompletableFuture<RowUpdate>> puts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            StringBuilder n = new StringBuilder();
            for (int k = 1 + rnd.nextInt(5); k > 0; k--) {
                n.append(pieces[rnd.nextInt(pieces.length)]);
            }
            String name = n.toString();
            all.add(name);
            model.add(name);
            puts.add(idx.updateObject(A, "c", ObjectRow.put(name, ts(110), 1, "t", "e")));
        }
        puts.forEach(CompletableFuture::join);
        String[] delimiters = {null, "", "/", "-", "a/", "/b", "b"};
        int[] limits = {0, 1, 2, 3, 7, 10_000};
        for (int i = 0; i < 1500; i++) {
            ListingQuery.Builder b = q()
                    .limit(limits[rnd.nextInt(limits.length)])
                    .reverse(rnd.nextBoolean())
                    .delimiter(delimiters[rnd.nextInt(delimiters.length)])
                    .prefix(rnd.nextInt(3) == 0 ? null : pick(rnd, all, pieces))
                    .marker(rnd.nextInt(3) == 0 ? null : pick(rnd, all, pieces))
                    .endMarker(rnd.nextInt(3) == 0 ? null : pick(rnd, all, pieces));
            if (rnd.nextInt(8) == 0) {
                b.path(rnd.nextBoolean() ? "" : pick(rnd, all, pieces));
            }
            ListingQuery query = b.build();
            assertThat(names(idx, "c", query)).as(query.toString()).containsExactlyElementsOf(model.list(query));
        }
    }

    private static String pick(Random rnd, List<String> all, String[] pieces) {
        String s = rnd.nextBoolean() ? all.get(rnd.nextInt(all.size())) : pieces[rnd.nextInt(pieces.length)];
        if (rnd.nextBoolean() && s.length() > 1) {
            s = s.substring(0, 1 + rnd.nextInt(s.length() - 1));
            if (Character.isHighSurrogate(s.charAt(s.length() - 1))) {
                s = s.substring(0, s.length() - 1);
            }
        }
        return s.isEmpty() ? "a" : s;
    }

    @Test
    void containersAreSeparate() throws Exception {
        ContainerIndex idx = create(create(index(), "c1", 100), "c2", 100);
        putRow(idx, "c1", "x", 110, 1);
        putRow(idx, "c2", "y", 110, 2);
        assertThat(names(idx, "c1", ListingQuery.all())).containsExactly("x");
        assertThat(names(idx, "c2", q().reverse(true).build())).containsExactly("y");
        assertThat(info(idx, "c2").bytesUsed()).isEqualTo(2);
    }

    @Test
    void accountReportsStayPendingUntilAcknowledged() throws Exception {
        ContainerIndex idx = index();
        assertThat(get(idx.put(A, "quiet", ts(100), Metadata.empty(), List.of())).report())
                .as("no account replica known: nothing to report").isNull();
        ContainerUpdate u = get(idx.put(A, "c", ts(100), Metadata.empty(), TARGET));
        assertThat(u.report()).isEqualTo(new AccountReport(A, "c", ts(100), Timestamp.ZERO, 0, 0, TARGET));
        assertThat(get(idx.pendingReports(10))).containsExactly(u.report());
        RowUpdate r = get(idx.updateObject(A, "c", ObjectRow.put("o", ts(110), 4, "t", "e")));
        assertThat(r.reportPending()).isTrue();
        assertThat(get(idx.reported(u.report()))).as("the state moved on since").isFalse();
        AccountReport now = get(idx.pendingReports(10)).get(0);
        assertThat(now.objectCount()).isEqualTo(1);
        assertThat(now.bytesUsed()).isEqualTo(4);
        assertThat(get(idx.reported(now))).isTrue();
        assertThat(get(idx.pendingReports(10))).isEmpty();
        assertThat(get(idx.updateObject(A, "c", ObjectRow.put("o", ts(109), 4, "t", "e"))).reportPending())
                .as("an ignored row changes nothing").isFalse();
        assertThat(get(idx.pendingReports(10))).isEmpty();
        get(idx.updateObject(A, "c", ObjectRow.delete("o", ts(111))));
        ContainerUpdate del = get(idx.delete(A, "c", ts(120), List.of()));
        assertThat(del.report().deleteTimestamp()).isEqualTo(ts(120));
        assertThat(get(idx.pendingReports(10))).containsExactly(del.report());
    }

    @Test
    void rowsSurviveReopen() throws Exception {
        ContainerIndex idx = create(index(), "c", 100);
        get(idx.post(A, "c", ts(101), Metadata.of(Map.of("X-Container-Meta-K", "v\u00fc"), ts(101))));
        putRow(idx, "c", "o1", 110, 3);
        putRow(idx, "c", "o2", 110, 4);
        get(idx.updateObject(A, "c", ObjectRow.delete("o2", ts(111))));
        ContainerIndex again = reopen();
        ContainerInfo i = info(again, "c");
        assertThat(i.objectCount()).isEqualTo(1);
        assertThat(i.bytesUsed()).isEqualTo(3);
        assertThat(i.metadata().visible()).containsEntry("X-Container-Meta-K", "v\u00fc");
        assertThat(names(again, "c", ListingQuery.all())).containsExactly("o1");
        putRow(again, "c", "o2", 110.5, 9); // the tombstone survived too
        assertThat(names(again, "c", ListingQuery.all())).containsExactly("o1");
    }

    private static void putRow(ContainerIndex idx, String name, double at, long size) {
        putRow(idx, "c", name, at, size);
    }
}
