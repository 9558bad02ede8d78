package io.zerostore.proxy.auth;

import io.zerostore.common.config.ConfException;
import io.zerostore.common.config.ConfSection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TempAuth's settings from {@code [filter:tempauth]}. Without any {@code user_*} key the users of
 * Swift's all-in-one are configured: {@code test:tester}/{@code testing} and
 * {@code test2:tester2}/{@code testing2} (admins of their accounts), {@code test:tester3}/{@code testing3}
 * (no rights without ACLs) and the reseller admin {@code admin:admin}/{@code admin}.
 *
 * @param resellerPrefix with its trailing underscore, e.g. {@code AUTH_}
 * @param authPrefix     where token requests arrive, e.g. {@code /auth/}
 * @param users          by {@code account:user}
 */
public record TempAuthConfig(String resellerPrefix, String authPrefix, Duration tokenLife,
                             String storageUrlScheme, Map<String, TempAuthUser> users) {
    public static final Map<String, String> DEFAULT_USERS = defaultUsers();

    private static Map<String, String> defaultUsers() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("user_admin_admin", "admin .admin .reseller_admin");
        m.put("user_test_tester", "testing .admin");
        m.put("user_test2_tester2", "testing2 .admin");
        m.put("user_test_tester3", "testing3");
        return m;
    }

    public static TempAuthConfig from(ConfSection section) {
        String prefix = section.get("reseller_prefix", "AUTH").strip();
        if (!prefix.isEmpty() && !prefix.endsWith("_")) {
            prefix += "_";
        }
        String authPrefix = section.get("auth_prefix", "/auth/").strip();
        if (!authPrefix.startsWith("/")) {
            authPrefix = "/" + authPrefix;
        }
        if (!authPrefix.endsWith("/")) {
            authPrefix += "/";
        }
        Map<String, String> userKeys = new LinkedHashMap<>();
        section.values().forEach((k, v) -> {
            if (k.startsWith("user_")) {
                userKeys.put(k, v);
            }
        });
        if (userKeys.isEmpty()) {
            userKeys.putAll(DEFAULT_USERS);
        }
        Map<String, TempAuthUser> users = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : userKeys.entrySet()) {
            TempAuthUser u = parseUser(e.getKey(), e.getValue(), prefix);
            users.put(u.accountUser(), u);
        }
        return new TempAuthConfig(prefix, authPrefix,
                section.getSeconds("token_life", Duration.ofSeconds(86400)),
                section.get("storage_url_scheme", "default"), Map.copyOf(users));
    }

    static TempAuthUser parseUser(String confKey, String value, String prefix) {
        String[] names = confKey.substring("user_".length()).split("_", -1);
        if (names.length != 2 || names[0].isEmpty() || names[1].isEmpty()) {
            throw new ConfException("[filter:tempauth] key " + confKey + " was provided in an invalid format");
        }
        List<String> values = new ArrayList<>(Arrays.asList(value.strip().split("\\s+")));
        values.removeIf(String::isEmpty);
        if (values.isEmpty()) {
            throw new ConfException("[filter:tempauth] " + confKey + " has no key set");
        }
        String key = values.remove(0);
        String url;
        String last = values.isEmpty() ? "" : values.get(values.size() - 1);
        if (last.contains("://") || last.contains("$HOST")) {
            url = values.remove(values.size() - 1);
        } else {
            url = "$HOST/v1/" + prefix + names[0];
        }
        return new TempAuthUser(names[0], names[1], key, values, url);
    }
}
