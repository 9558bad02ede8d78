package io.zerostore.proxy.backend;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Swift's rules for turning one answer per replica into the client's answer
 * ({@code quorum_size}, {@code have_quorum}, {@code best_response}).
 */
public final class Quorum {
    private static final int[] CLASSES = {100, 200, 300, 400};

    private Quorum() {}

    /** (n + 1) / 2: 2 of 3, 2 of 4. */
    public static int size(int replicas) {
        return (replicas + 1) / 2;
    }

    /** True when the statuses so far already decide the answer (5xx never count). */
    public static boolean reached(List<Integer> statuses, int nodeCount) {
        int quorum = size(nodeCount);
        if (statuses.size() < quorum) {
            return false;
        }
        for (int hundred : CLASSES) {
            int n = 0;
            for (int s : statuses) {
                if (s >= hundred && s < hundred + 100) {
                    n++;
                }
            }
            if (n >= quorum) {
                return true;
            }
        }
        return false;
    }

    /**
     * Picks the answer: for the 1xx, 2xx, 3xx then 4xx class, the first class holding a quorum of
     * the statuses gives its highest status (201, 201, 202 → 202). When no class has a quorum,
     * {@code overrides} are applied (object DELETE treats 404 as 204) and the choice is repeated,
     * never picking an overridden answer itself. Null when nothing reaches a quorum: the caller
     * answers 503.
     *
     * @param responses one per replica, padded with {@link BackendResponse#unavailable()}
     */
    public static BackendResponse best(List<BackendResponse> responses, Map<Integer, Integer> overrides) {
        int quorum = size(responses.size());
        BackendResponse r = fromQuorum(responses, quorum, Set.of());
        if (r == null && overrides != null && !overrides.isEmpty()) {
            List<BackendResponse> transformed = new ArrayList<>(responses.size());
            Set<Integer> faked = new HashSet<>();
            for (int i = 0; i < responses.size(); i++) {
                BackendResponse each = responses.get(i);
                Integer to = overrides.get(each.status());
                if (to != null) {
                    faked.add(i);
                    transformed.add(BackendResponse.of(to));
                } else {
                    transformed.add(each);
                }
            }
            r = fromQuorum(transformed, quorum, faked);
        }
        return r;
    }

    private static BackendResponse fromQuorum(List<BackendResponse> responses, int quorum, Set<Integer> avoid) {
        for (int hundred : CLASSES) {
            int inClass = 0;
            BackendResponse best = null;
            for (int i = 0; i < responses.size(); i++) {
                int s = responses.get(i).status();
                if (s >= hundred && s < hundred + 100) {
                    inClass++;
                    if (!avoid.contains(i) && (best == null || s > best.status())) {
                        best = responses.get(i);
                    }
                }
            }
            if (inClass >= quorum && best != null) {
                return best;
            }
        }
        return null;
    }
}
