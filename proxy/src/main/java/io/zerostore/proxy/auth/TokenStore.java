package io.zerostore.proxy.auth;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * TempAuth's tokens, kept in this proxy's memory. OURS: Swift keeps them in memcached so that
 * every proxy of a cluster accepts them; with one proxy (the all-in-one) memory is enough, and a
 * restarted proxy simply makes clients log in again.
 */
public final class TokenStore {
    /** The groups a token grants and when it expires (epoch millis). */
    public record Grant(long expiresMillis, String groups) {}

    private final ConcurrentHashMap<String, Grant> byToken = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> byUser = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final LongSupplier clock;

    public TokenStore() {
        this(System::currentTimeMillis);
    }

    TokenStore(LongSupplier clock) {
        this.clock = clock;
    }

    /** The groups of a valid token, null when unknown or expired. */
    public String groups(String token) {
        Grant g = byToken.get(token);
        if (g == null) {
            return null;
        }
        if (g.expiresMillis() <= clock.getAsLong()) {
            byToken.remove(token, g);
            return null;
        }
        return g.groups();
    }

    /**
     * The user's still-valid token with the same groups, or a new one that lives
     * {@code lifeMillis}: a client logging in again gets the same token, its expiry counting down.
     */
    public Issued issue(String accountUser, String groups, String prefix, long lifeMillis) {
        long now = clock.getAsLong();
        String candidate = byUser.get(accountUser);
        if (candidate != null) {
            Grant g = byToken.get(candidate);
            if (g != null && g.expiresMillis() > now && g.groups().equals(groups)) {
                return new Issued(candidate, g.expiresMillis());
            }
        }
        String token = prefix + "tk" + UUID.randomUUID().toString().replace("-", "");
        Grant grant = new Grant(now + lifeMillis, groups);
        byToken.put(token, grant);
        byUser.put(accountUser, token);
        if (issued.incrementAndGet() % 1024 == 0) {
            sweep(now);
        }
        return new Issued(token, grant.expiresMillis());
    }

    private void sweep(long now) {
        byToken.entrySet().removeIf(e -> e.getValue().expiresMillis() <= now);
        byUser.entrySet().removeIf(e -> !byToken.containsKey(e.getValue()));
    }

    /** Drops a token (tests; an operator's revocation). */
    public void revoke(String token) {
        byToken.remove(token);
    }

    public long now() {
        return clock.getAsLong();
    }

    public record Issued(String token, long expiresMillis) {}
}
