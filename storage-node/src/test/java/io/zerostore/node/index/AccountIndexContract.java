package io.zerostore.node.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerostore.common.swift.ListingEntry;
import io.zerostore.common.swift.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The {@link AccountIndex} contract; every implementation runs it by extending this class. */
@Timeout(60)
abstract class AccountIndexContract {
    static final String A = "AUTH_test";

    abstract AccountIndex index() throws Exception;

    abstract AccountIndex reopen() throws Exception;

    static Timestamp ts(double s) {
        return Timestamp.ofEpochSecond(s);
    }

    static <T> T get(CompletableFuture<T> f) {
        return f.join();
    }

    static AccountInfo info(AccountIndex idx) {
        return get(idx.info(A)).orElseThrow();
    }

    static Outcome row(AccountIndex idx, String name, double put, double delete, long count, long bytes) {
        return get(idx.updateContainer(A, new ContainerRow(name, ts(put), ts(delete), count, bytes)));
    }

    static List<String> names(AccountIndex idx, ListingQuery q) {
        List<String> out = new ArrayList<>();
        for (ListingEntry e : get(idx.list(A, q)).entries()) {
            out.add(e instanceof ListingEntry.Subdir ? "dir:" + e.name() : e.name());
        }
        return out;
    }

    @Test
    void createAndMetadata() throws Exception {
        AccountIndex idx = index();
        assertThat(get(idx.info(A))).isEmpty();
        assertThat(get(idx.put(A, ts(100), Metadata.of(Map.of("X-Account-Meta-Color", "red"), ts(100)))))
                .isEqualTo(Outcome.CREATED);
        assertThat(get(idx.put(A, ts(101), Metadata.empty()))).isEqualTo(Outcome.ACCEPTED);
        assertThat(get(idx.post(A, ts(99), Metadata.of(Map.of("x-account-meta-color", "old"), ts(99)))))
                .isEqualTo(Outcome.ACCEPTED);
        assertThat(get(idx.post(A, ts(102), Metadata.of(Map.of("X-Account-Meta-Size", "L"), ts(102)))))
                .isEqualTo(Outcome.ACCEPTED);
        AccountInfo i = info(idx);
        assertThat(i.createdAt()).isEqualTo(ts(100));
        assertThat(i.putTimestamp()).isEqualTo(ts(101));
        assertThat(i.metadata().visible()).containsExactlyInAnyOrderEntriesOf(
                Map.of("X-Account-Meta-Color", "red", "X-Account-Meta-Size", "L"));
        assertThat(get(idx.post("AUTH_none", ts(1), Metadata.empty()))).isEqualTo(Outcome.NOT_FOUND);
        Map<String, String> many = new HashMap<>();
        for (int i2 = 0; i2 < 91; i2++) {
            many.put("X-Account-Meta-K" + i2, "v");
        }
        assertThatThrownBy(() -> get(idx.post(A, ts(103), Metadata.of(many, ts(103)))))
                .hasCauseInstanceOf(MetadataLimitException.class);
        assertThat(info(idx).metadata().visible()).hasSize(2);
    }

    @Test
    void containerRowsMergeAndKeepStats() throws Exception {
        AccountIndex idx = index();
        assertThat(row(idx, "c1", 100, 0, 1, 10)).as("no account yet").isEqualTo(Outcome.NOT_FOUND);
        get(idx.put(A, ts(90), Metadata.empty()));
        assertThat(row(idx, "c1", 100, 0, 1, 10)).isEqualTo(Outcome.ACCEPTED);
        row(idx, "c2", 100, 0, 2, 20);
        row(idx, "c1", 99, 0, 3, 30); // an older put timestamp keeps the newer one, takes the counts
        AccountInfo i = info(idx);
        assertThat(i.containerCount()).isEqualTo(2);
        assertThat(i.objectCount()).isEqualTo(5);
        assertThat(i.bytesUsed()).isEqualTo(50);
        ListingEntry.ContainerEntry c1 = (ListingEntry.ContainerEntry) get(idx.list(A, ListingQuery.all())).entries().get(0);
        assertThat(c1).isEqualTo(new ListingEntry.ContainerEntry("c1", 3, 30, ts(100)));
        row(idx, "c2", 0, 110, 0, 0); // deleted
        assertThat(names(idx, ListingQuery.all())).containsExactly("c1");
        assertThat(info(idx).containerCount()).isEqualTo(1);
        assertThat(info(idx).objectCount()).isEqualTo(3);
        row(idx, "c2", 105, 0, 0, 0); // a put older than the delete: stays deleted
        assertThat(names(idx, ListingQuery.all())).containsExactly("c1");
        row(idx, "c2", 120, 0, 0, 0); // re-created
        assertThat(names(idx, ListingQuery.all())).containsExactly("c1", "c2");
        assertThat(info(idx).containerCount()).isEqualTo(2);
    }

    @Test
    void listingParameters() throws Exception {
        AccountIndex idx = index();
        get(idx.put(A, ts(90), Metadata.empty()));
        for (String n : List.of("a-1", "a-2", "b", "c-1", "\u00fc")) {
            row(idx, n, 100, 0, 0, 0);
        }
        assertThat(names(idx, ListingQuery.builder().delimiter("-").build()))
                .containsExactly("dir:a-", "b", "dir:c-", "\u00fc");
        assertThat(names(idx, ListingQuery.builder().prefix("a").build())).containsExactly("a-1", "a-2");
        assertThat(names(idx, ListingQuery.builder().marker("a-2").endMarker("\u00fc").build()))
                .containsExactly("b", "c-1");
        assertThat(names(idx, ListingQuery.builder().reverse(true).limit(2).build())).containsExactly("\u00fc", "c-1");
    }

    @Test
    void deleteMarksTheAccount() throws Exception {
        AccountIndex idx = index();
        get(idx.put(A, ts(100), Metadata.of(Map.of("X-Account-Meta-A", "1"), ts(100))));
        row(idx, "c", 100, 0, 1, 1);
        assertThat(get(idx.delete(A, ts(110)))).as("need not be empty").isEqualTo(Outcome.DELETED);
        AccountInfo i = info(idx);
        assertThat(i.isDeleted()).isTrue();
        assertThat(i.statusDeleted()).isTrue();
        assertThat(i.metadata().visible()).isEmpty();
        assertThat(get(idx.delete(A, ts(111)))).isEqualTo(Outcome.RECENTLY_DELETED);
        assertThat(get(idx.post(A, ts(111), Metadata.empty()))).isEqualTo(Outcome.RECENTLY_DELETED);
        assertThat(get(idx.put(A, ts(112), Metadata.empty()))).isEqualTo(Outcome.RECENTLY_DELETED);
        assertThat(row(idx, "d", 112, 0, 0, 0)).isEqualTo(Outcome.NOT_FOUND);
        assertThat(get(idx.list(A, ListingQuery.all())).entries()).isEmpty();
        assertThat(get(idx.delete("AUTH_none", ts(1)))).isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void rowsSurviveReopen() throws Exception {
        AccountIndex idx = index();
        get(idx.put(A, ts(100), Metadata.of(Map.of("X-Account-Meta-A", "1"), ts(100))));
        row(idx, "c1", 100, 0, 2, 7);
        row(idx, "c2", 100, 101, 0, 0);
        AccountIndex again = reopen();
        assertThat(names(again, ListingQuery.all())).containsExactly("c1");
        AccountInfo i = info(again);
        assertThat(i.containerCount()).isEqualTo(1);
        assertThat(i.objectCount()).isEqualTo(2);
        assertThat(i.bytesUsed()).isEqualTo(7);
        assertThat(i.metadata().visible()).containsEntry("X-Account-Meta-A", "1");
    }
}
