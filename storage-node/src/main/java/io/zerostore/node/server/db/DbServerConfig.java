package io.zerostore.node.server.db;

import io.zerostore.common.config.Conf;
import io.zerostore.common.config.ConfSection;
import io.zerostore.node.index.IndexOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The {@code [container-server]} or {@code [account-server]} section (with {@code [DEFAULT]}
 * underneath). Swift's key names and defaults unless noted.
 *
 * @param bindIp                {@code bind_ip} (0.0.0.0)
 * @param bindPort              {@code bind_port} (6201 container, 6202 account)
 * @param pipeline              filters before the app ({@code pipeline}, ours; default {@code healthcheck recon})
 * @param devices               the devices root ({@code devices}, /srv/node)
 * @param index                 the device index DBs ({@code db_*} keys, ours; see {@link IndexOptions})
 * @param accountUpdateInterval container server only: pause between sweeps that retry pending
 *                              account reports ({@code account_update_interval}, ours: 5 s; Swift's
 *                              container-updater runs every 300 s, we also push right after changes)
 */
public record DbServerConfig(String bindIp, int bindPort, List<String> pipeline, Path devices, IndexOptions index,
                             Duration accountUpdateInterval) {
    public static final String CONTAINER_SECTION = "container-server";
    public static final String ACCOUNT_SECTION = "account-server";

    public static DbServerConfig from(Conf conf, String section, int defaultPort) {
        ConfSection s = conf.section(section);
        return new DbServerConfig(
                s.get("bind_ip", "0.0.0.0"),
                s.getInt("bind_port", defaultPort),
                s.getList("pipeline", "healthcheck recon"),
                Path.of(s.get("devices", "/srv/node")),
                IndexOptions.from(s),
                s.getSeconds("account_update_interval", Duration.ofSeconds(5)));
    }
}
