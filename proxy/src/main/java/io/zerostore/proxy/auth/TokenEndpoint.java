package io.zerostore.proxy.auth;

import io.netty.handler.codec.http.HttpHeaders;
import io.zerostore.common.swift.SwiftException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TempAuth's {@code GET <auth_prefix>v1.0} (also {@code auth} and {@code v1/<account>/auth}): checks
 * the user's key and answers with a token and the storage URL.
 */
public final class TokenEndpoint {
    private final TempAuthConfig config;
    private final TokenStore tokens;

    public TokenEndpoint(TempAuthConfig config, TokenStore tokens) {
        this.config = config;
        this.tokens = tokens;
    }

    /**
     * @param method   the request method
     * @param subPath  the decoded path after the auth prefix, with a leading slash ({@code /v1.0})
     * @param hostUrl  {@code scheme://host} the client used, for {@code $HOST} in storage URLs
     * @return the success headers
     * @throws SwiftException for every refusal
     */
    public Map<String, String> handle(String method, String subPath, HttpHeaders headers, String hostUrl) {
        if (!method.equals("GET")) {
            // TempAuth refuses other methods first, and without an Allow list
            throw new SwiftException(405);
        }
        String[] parts;
        try {
            parts = split(subPath, 4);
        } catch (IllegalArgumentException e) {
            throw new SwiftException(404);
        }
        if (!List.of("v1", "v1.0", "auth").contains(parts[0])) {
            throw new SwiftException(400);
        }
        return getToken(subPath, headers, hostUrl);
    }

    private Map<String, String> getToken(String subPath, HttpHeaders headers, String hostUrl) {
        String[] seg;
        try {
            seg = split(subPath, 3);
        } catch (IllegalArgumentException e) {
            throw new SwiftException(404);
        }
        String account;
        String user;
        String key;
        if ("v1".equals(seg[0]) && "auth".equals(seg[2])) {
            account = seg[1];
            user = headers.get("X-Storage-User");
            if (isEmpty(user)) {
                user = headers.get("X-Auth-User");
                if (isEmpty(user) || user.indexOf(':') < 0) {
                    throw unauthorized(account);
                }
                String account2 = user.substring(0, user.indexOf(':'));
                user = user.substring(user.indexOf(':') + 1);
                if (!account.equals(account2)) {
                    throw unauthorized(account);
                }
            }
            key = first(headers.get("X-Storage-Pass"), headers.get("X-Auth-Key"));
        } else if ("auth".equals(seg[0]) || "v1.0".equals(seg[0])) {
            String u = first(headers.get("X-Auth-User"), headers.get("X-Storage-User"));
            if (isEmpty(u) || u.indexOf(':') < 0) {
                throw unauthorized("unknown");
            }
            account = u.substring(0, u.indexOf(':'));
            user = u.substring(u.indexOf(':') + 1);
            key = first(headers.get("X-Auth-Key"), headers.get("X-Storage-Pass"));
        } else {
            throw new SwiftException(400);
        }
        if (isEmpty(account) || isEmpty(user) || isEmpty(key)) {
            throw unauthorized(isEmpty(account) ? "unknown" : account);
        }
        TempAuthUser u = config.users().get(account + ":" + user);
        if (u == null) {
            throw unauthorized(io.zerostore.proxy.backend.Quoting.quote(account));
        }
        if (!u.key().equals(key)) {
            throw unauthorized("unknown");
        }
        TokenStore.Issued issued = tokens.issue(u.accountUser(), groupsOf(u), config.resellerPrefix(),
                config.tokenLife().toMillis());
        long left = Math.max(0, (issued.expiresMillis() - tokens.now()) / 1000);
        String url = u.url().replace("$HOST", hostUrl);
        if (!config.storageUrlScheme().equals("default") && url.indexOf(':') > 0) {
            url = config.storageUrlScheme() + ":" + url.substring(url.indexOf(':') + 1);
        }
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-Auth-Token", issued.token());
        h.put("X-Storage-Token", issued.token());
        h.put("X-Auth-Token-Expires", Long.toString(left));
        h.put("X-Storage-Url", url);
        return h;
    }

    /** {@code account,account:user,<groups>} with {@code .admin} replaced by the account id. */
    static String groupsOf(TempAuthUser u) {
        List<String> g = new java.util.ArrayList<>(List.of(u.account(), u.accountUser()));
        g.addAll(u.groups());
        if (g.remove(".admin")) {
            g.add(u.accountId());
        }
        return String.join(",", g);
    }

    private static SwiftException unauthorized(String realm) {
        return new SwiftException(401, null, SwiftException.HTML,
                Map.of("Www-Authenticate", "Swift realm=\"" + realm + "\""));
    }

    private static String first(String a, String b) {
        return isEmpty(a) ? b : a;
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    /** Swift's split_path(path, 1, max, rest_with_last=True) without the proxy's routing rules. */
    private static String[] split(String path, int max) {
        String[] segs = path.split("/", max + 1);
        if (!segs[0].isEmpty() || segs.length < 2 || segs.length > max + 1 || segs[1].isEmpty()) {
            throw new IllegalArgumentException(path);
        }
        String[] out = new String[max];
        System.arraycopy(segs, 1, out, 0, segs.length - 1);
        return out;
    }
}
