package io.zerostore.proxy.auth;

/**
 * Decides whether the requester established by the auth filter may make a request. Swift's
 * {@code swift.authorize} callback: called once before the controller runs with no ACL, and, when
 * that first answer is a denial and the controller delays it, again with the container's ACL.
 * Must not block: it runs on an event loop.
 */
@FunctionalInterface
public interface Authorizer {
    Decision authorize(AuthRequest request);

    /** For requests that no auth system here can vouch for. */
    Authorizer DENY_ALL = r -> Decision.UNAUTHORIZED;
}
