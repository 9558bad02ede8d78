package io.zerostore.proxy.controller;

import java.time.Duration;
import java.util.List;

/**
 * The proxy-server settings the controllers use (Swift's names and defaults).
 *
 * @param clientTimeout             how long a client may pause mid-upload (408 after)
 * @param postQuorumTimeout         extra wait for straggling replicas once a quorum answered
 * @param requestNodeCount          nodes tried per request: {@code n} means n × replicas when
 *                                  {@code perReplica}, else n (Swift: {@code 2 * replicas})
 * @param perReplica                whether requestNodeCount counts per replica
 * @param accountAutocreate         synthesize missing accounts and create them on first write
 * @param allowAccountManagement    allow account PUT/DELETE (reseller admins only)
 * @param recheckContainerExistence how long container info (ACLs, existence) is cached
 * @param recheckAccountExistence   how long account existence is cached
 * @param corsAllowOrigin           origins allowed for every container (CORS preflight)
 * @param strictCorsMode            Swift's {@code strict_cors_mode}
 * @param policy                    the storage policy containers report
 */
public record ProxySettings(Duration clientTimeout, Duration postQuorumTimeout, int requestNodeCount, boolean perReplica,
                            boolean accountAutocreate, boolean allowAccountManagement,
                            Duration recheckContainerExistence, Duration recheckAccountExistence,
                            List<String> corsAllowOrigin, boolean strictCorsMode, StoragePolicy policy) {
    public static final ProxySettings DEFAULTS = new ProxySettings(Duration.ofSeconds(60), Duration.ofMillis(500), 2, true,
            true, true, Duration.ofSeconds(60), Duration.ofSeconds(60), List.of(), true, StoragePolicy.DEFAULT);

    public int requestNodeCount(int replicas) {
        return perReplica ? requestNodeCount * replicas : Math.max(requestNodeCount, 1);
    }
}
