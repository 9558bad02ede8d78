package io.zerostore.proxy.auth;

/**
 * An authorization outcome. A denial is 401 for an anonymous requester and 403 for a known user
 * (Swift's {@code denied_response}); an allowed owner may see and set ACLs and other owner headers.
 */
public record Decision(boolean allowed, boolean owner, int denialStatus) {
    public static final Decision OWNER = new Decision(true, true, 0);
    public static final Decision ALLOWED = new Decision(true, false, 0);
    public static final Decision UNAUTHORIZED = new Decision(false, false, 401);
    public static final Decision FORBIDDEN = new Decision(false, false, 403);
}
