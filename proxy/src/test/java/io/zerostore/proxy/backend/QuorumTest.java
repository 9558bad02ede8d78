package io.zerostore.proxy.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuorumTest {
    private static List<BackendResponse> of(int... statuses) {
        return Arrays.stream(statuses).mapToObj(BackendResponse::of).toList();
    }

    @Test
    void quorumSizeIsHalfRoundedUp() {
        assertThat(Quorum.size(1)).isEqualTo(1);
        assertThat(Quorum.size(2)).isEqualTo(1);
        assertThat(Quorum.size(3)).isEqualTo(2);
        assertThat(Quorum.size(4)).isEqualTo(2);
        assertThat(Quorum.size(5)).isEqualTo(3);
    }

    @Test
    void bestIsTheHighestStatusOfTheClassWithAQuorum() {
        assertThat(Quorum.best(of(201, 201, 202), null).status()).isEqualTo(202);
        assertThat(Quorum.best(of(201, 503, 201), null).status()).isEqualTo(201);
        assertThat(Quorum.best(of(404, 404, 201), null).status()).isEqualTo(404);
        assertThat(Quorum.best(of(409, 412, 201), null).status()).isEqualTo(412);
    }

    @Test
    void noQuorumMeansNoAnswer() {
        assertThat(Quorum.best(of(201, 503, 503), null)).isNull();
        assertThat(Quorum.best(of(201, 404, 503), null)).isNull();
        assertThat(Quorum.best(of(503, 503, 503), null)).isNull();
    }

    @Test
    void deleteTreatsNotFoundAsDeletedOnlyWithoutQuorum() {
        Map<Integer, Integer> overrides = Map.of(404, 204);
        BackendResponse r = Quorum.best(of(204, 404, 503), overrides);
        assertThat(r.status()).isEqualTo(204);
        assertThat(Quorum.best(of(404, 404, 404), overrides).status()).isEqualTo(404);
        assertThat(Quorum.best(of(404, 503, 503), overrides)).isNull();
    }

    @Test
    void reachedIgnoresServerErrors() {
        assertThat(Quorum.reached(List.of(201), 3)).isFalse();
        assertThat(Quorum.reached(List.of(201, 201), 3)).isTrue();
        assertThat(Quorum.reached(List.of(201, 404), 3)).isFalse();
        assertThat(Quorum.reached(List.of(503, 503), 3)).isFalse();
        assertThat(Quorum.reached(List.of(404, 404), 3)).isTrue();
    }
}
