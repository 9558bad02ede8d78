package io.zerostore.proxy.auth;

import java.util.List;

/**
 * One configured user: {@code user_<account>_<user> = <key> [group ...] [storage url]}.
 *
 * @param url the storage URL, {@code $HOST/v1/AUTH_<account>} unless configured
 */
public record TempAuthUser(String account, String user, String key, List<String> groups, String url) {
    public TempAuthUser {
        groups = List.copyOf(groups);
    }

    /** {@code account:user}, the name clients log in with. */
    public String accountUser() {
        return account + ":" + user;
    }

    /** The account id the storage URL ends with, e.g. {@code AUTH_test}. */
    public String accountId() {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
