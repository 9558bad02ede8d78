package io.zerostore.proxy.auth;

/**
 * What an {@link Authorizer} decides on: the method, the path's account/container/object, the
 * container ACL that applies (null until the controller has looked it up) and the Referer.
 */
public record AuthRequest(String method, String account, String container, String object, String acl,
                          String referer) {
    public AuthRequest withAcl(String newAcl) {
        return new AuthRequest(method, account, container, object, newAcl, referer);
    }
}
