package io.zerostore.proxy.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContainerAclTest {
    @Test
    void cleansReferrerDesignators() {
        assertThat(ContainerAcl.clean("x-container-read", ".ref:*, .rlistings, test:tester3"))
                .isEqualTo(".r:*,.rlistings,test:tester3");
        assertThat(ContainerAcl.clean("x-container-read", ".referrer:-*.bad.com,,")).isEqualTo(".r:-.bad.com");
    }

    @Test
    void refusesWhatSwiftRefuses() {
        assertThatThrownBy(() -> ContainerAcl.clean("x-container-write", ".r:*"))
                .hasMessage("Referrers not allowed in write ACL: '.r:*'");
        assertThatThrownBy(() -> ContainerAcl.clean("x-container-read", ".r:"))
                .hasMessage("No host/domain value after referrer designation in ACL: '.r:'");
        assertThatThrownBy(() -> ContainerAcl.clean("x-container-read", ".bad:x"))
                .hasMessage("Unknown designator '.bad' in ACL: '.bad:x'");
    }

    @Test
    void parsesReferrersAndGroups() {
        ContainerAcl.Parsed p = ContainerAcl.parse(".r:*, .rlistings ,test:tester3");
        assertThat(p.referrers()).containsExactly("*");
        assertThat(p.groups()).containsExactly(".rlistings", "test:tester3");
        assertThat(ContainerAcl.referrerAllowed(null, p.referrers())).isTrue();
        assertThat(ContainerAcl.referrerAllowed("http://x/", java.util.List.of())).isFalse();
    }
}
