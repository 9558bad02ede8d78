package io.zerostore.proxy.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerostore.common.swift.SwiftException;
import org.junit.jupiter.api.Test;

class SwiftPathTest {
    @Test
    void splitsLikeSwiftSplitPath() {
        assertThat(SwiftPath.split("/v1/a/c/o/with/slashes", 1, 4, true))
                .containsExactly("v1", "a", "c", "o/with/slashes");
        assertThat(SwiftPath.split("/v1/a", 1, 4, true)).containsExactly("v1", "a", null, null);
        assertThat(SwiftPath.split("/v1/a/", 1, 4, true)).containsExactly("v1", "a", "", null);
        assertThatThrownBy(() -> SwiftPath.split("v1/a", 1, 4, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SwiftPath.split("//a", 1, 4, true)).isInstanceOf(IllegalArgumentException.class);
        assertThat(SwiftPath.split("/c/o", 2, 2, true)).containsExactly("c", "o");
        assertThatThrownBy(() -> SwiftPath.split("/c", 2, 2, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SwiftPath.split("/c/", 2, 2, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void routesAccountsContainersAndObjects() {
        assertThat(SwiftPath.parse("/v1/AUTH_test").isAccount()).isTrue();
        assertThat(SwiftPath.parse("/v1/AUTH_test/").isAccount()).isTrue();
        assertThat(SwiftPath.parse("/v1.0/AUTH_test/c").isContainer()).isTrue();
        assertThat(SwiftPath.parse("/v1/AUTH_test/c/").isContainer()).isTrue();
        SwiftPath o = SwiftPath.parse("/v1/AUTH_test/c/a//b/");
        assertThat(o.isObject()).isTrue();
        assertThat(o.object()).isEqualTo("a//b/");
        assertThat(o.entityPath()).isEqualTo("/AUTH_test/c/a//b/");
    }

    @Test
    void refusesPathsSwiftRefuses() {
        assertThat(status("/")).isEqualTo(404);
        assertThat(status("/v2/AUTH_test")).isEqualTo(400);
        SwiftException e = catchSwift("/v1");
        assertThat(e.status()).isEqualTo(412);
        assertThat(e.body()).isEqualTo("Bad URL");
        assertThat(status("/v1/AUTH_test//o")).isEqualTo(412);
    }

    private static int status(String path) {
        return catchSwift(path).status();
    }

    private static SwiftException catchSwift(String path) {
        try {
            SwiftPath.parse(path);
        } catch (SwiftException e) {
            return e;
        }
        throw new AssertionError("no error for " + path);
    }
}
