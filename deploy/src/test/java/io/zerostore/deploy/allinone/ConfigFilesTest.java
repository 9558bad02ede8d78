package io.zerostore.deploy.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.common.config.Conf;
import io.zerostore.common.config.ConfSection;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {
    @TempDir
    Path dir;

    @Test
    void nodeConfigNamesItsDevicesAndThreeServerPorts() throws Exception {
        AllInOneLayout layout = new AllInOneLayout(dir, "127.0.0.1", 8080, 7000);
        HashSecrets secrets = AllInOne.prepare(layout);

        Conf node2 = Conf.load(layout.nodeConf(2));
        assertThat(node2.section("DEFAULT").get("devices", null)).isEqualTo(dir.resolve("node2").toString());
        assertThat(node2.section("DEFAULT").get("swift_dir", null)).isEqualTo(dir.resolve("etc").toString());
        assertThat(node2.section("object-server").getInt("bind_port", 0)).isEqualTo(7020);
        assertThat(node2.section("container-server").getInt("bind_port", 0)).isEqualTo(7021);
        assertThat(node2.section("account-server").getInt("bind_port", 0)).isEqualTo(7022);
        assertThat(node2.section("account-server").get("bind_ip", null)).isEqualTo("127.0.0.1");
        assertThat(node2.section("DEFAULT").getInt("workers", 0)).isEqualTo(1);
        assertHashSection(node2, secrets);
    }

    @Test
    void proxyConfigHasBindAddressSwiftDirUsersAndHash() throws Exception {
        AllInOneLayout layout = new AllInOneLayout(dir, "0.0.0.0", 18080, 6000);
        HashSecrets secrets = AllInOne.prepare(layout);

        Conf proxy = Conf.load(layout.proxyConf());
        ConfSection server = proxy.section("proxy-server");
        assertThat(server.get("bind_ip", null)).isEqualTo("0.0.0.0");
        assertThat(server.getInt("bind_port", 0)).isEqualTo(18080);
        assertThat(server.get("swift_dir", null)).isEqualTo(dir.resolve("etc").toString());
        assertThat(proxy.section("filter:proxy_logging").get("access_log_file", null))
                .isEqualTo(dir.resolve("log/proxy-access.log").toString());
        assertThat(proxy.section("filter:tempauth").get("user_test_tester", null)).isEqualTo("testing .admin");
        assertThat(proxy.section("filter:tempauth").get("user_test2_tester2", null)).isEqualTo("testing2 .admin");
        assertHashSection(proxy, secrets);
    }

    @Test
    void laterStartFollowsNewOptionsButKeepsSecrets() throws Exception {
        HashSecrets first = AllInOne.prepare(new AllInOneLayout(dir, "127.0.0.1", 8080, 6000));
        AllInOneLayout moved = new AllInOneLayout(dir, "127.0.0.1", 9090, 6000);
        HashSecrets second = AllInOne.prepare(moved);

        assertThat(second).isEqualTo(first);
        assertThat(Conf.load(moved.proxyConf()).section("proxy-server").getInt("bind_port", 0)).isEqualTo(9090);
    }

    @Test
    void noDaemonsTurnsEveryBackgroundPassOff() throws Exception {
        AllInOneLayout with = new AllInOneLayout(dir, "127.0.0.1", 8080, 7000);
        AllInOne.prepare(with);
        Conf node = Conf.load(with.nodeConf(1));
        assertThat(node.section("object-replicator").get("interval", null)).isNull();

        AllInOneLayout without = new AllInOneLayout(dir, "127.0.0.1", 8080, 7000, false);
        AllInOne.prepare(without);
        node = Conf.load(without.nodeConf(1));
        for (String daemon : new String[] {"object-replicator", "object-auditor", "object-expirer",
            "container-replicator", "account-replicator"}) {
            assertThat(node.section(daemon).getSeconds("interval", java.time.Duration.ofSeconds(30)))
                    .as(daemon).isZero();
        }
        assertThat(node.section("object-server").getInt("bind_port", 0)).isEqualTo(7010);
    }

        private static void assertHashSection(Conf conf, HashSecrets secrets) {
        ConfSection hash = conf.section(HashSecrets.SECTION);
        assertThat(hash.get(HashSecrets.PREFIX_KEY, null)).isEqualTo(secrets.prefix());
        assertThat(hash.get(HashSecrets.SUFFIX_KEY, null)).isEqualTo(secrets.suffix());
    }
}
