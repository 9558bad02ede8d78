package io.zerostore.proxy.auth;

import java.util.Arrays;
import java.util.List;

/**
 * TempAuth's {@code authorize} for one requester: reseller admins own every account of the prefix
 * (except dot-accounts), an account's {@code .admin} users own it (but may not PUT or DELETE the
 * account itself), OPTIONS always passes, and everybody else needs a container ACL: a referrer
 * rule (objects, or listings with {@code .rlistings}) or one of their groups.
 */
public final class TempAuthAuthorizer implements Authorizer {
    private final String prefix;
    private final List<String> groups;

    /**
     * @param groups the token's groups ({@code test,test:tester,AUTH_test}), or null for an
     *               anonymous request
     */
    public TempAuthAuthorizer(String prefix, String groups) {
        this.prefix = prefix;
        this.groups = groups == null ? List.of() : Arrays.asList(groups.split(","));
    }

    /** {@code account:user} of the requester, or null when anonymous. */
    public String user() {
        return groups.size() > 1 ? groups.get(1) : null;
    }

    @Override
    public Decision authorize(AuthRequest r) {
        String account = r.account();
        if (account == null || !account.startsWith(prefix)) {
            return denied();
        }
        boolean dotAccount = account.length() > prefix.length() && account.charAt(prefix.length()) == '.';
        boolean bareReseller = account.equals(prefix);
        if (groups.contains(".reseller_admin") && !bareReseller && !dotAccount) {
            return Decision.OWNER;
        }
        if (groups.contains(".reseller_reader") && !bareReseller && !dotAccount
                && (r.method().equals("GET") || r.method().equals("HEAD"))) {
            return Decision.ALLOWED;
        }
        if (groups.contains(account)
                && (!(r.method().equals("DELETE") || r.method().equals("PUT")) || r.container() != null)) {
            return Decision.OWNER;
        }
        if (r.method().equals("OPTIONS")) {
            return Decision.ALLOWED;
        }
        ContainerAcl.Parsed acl = ContainerAcl.parse(r.acl());
        if (ContainerAcl.referrerAllowed(r.referer(), acl.referrers())
                && (r.object() != null || acl.groups().contains(".rlistings"))) {
            return Decision.ALLOWED;
        }
        for (String g : groups) {
            if (acl.groups().contains(g)) {
                return Decision.ALLOWED;
            }
        }
        return denied();
    }

    private Decision denied() {
        return groups.isEmpty() ? Decision.UNAUTHORIZED : Decision.FORBIDDEN;
    }
}
