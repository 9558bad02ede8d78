package io.zerostore.deploy.allinone;

import io.zerostore.common.ring.Device;
import io.zerostore.common.ring.Ring;
import io.zerostore.common.ring.RingBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The account, container and object rings of the all-in-one cluster: built once on first start
 * (part power 10, 3 replicas, min_part_hours 1, node N's device {@code dN} in zone N) and saved with
 * their {@code .builder} files so an operator can keep editing them with {@code zerostore ring}.
 * A later start keeps them and only checks that they still name this layout's addresses.
 */
public final class AllInOneRings {
    private static final int REGION = 1;
    private static final double WEIGHT = 100;

    private AllInOneRings() {
    }

    /** Builds the missing rings; checks the existing ones against the layout. */
    public static void ensure(AllInOneLayout layout) throws IOException {
        Files.createDirectories(layout.etc());
        for (ServerKind kind : ServerKind.values()) {
            Path ringFile = layout.ringFile(kind);
            if (Files.exists(ringFile)) {
                check(layout, kind, Ring.load(ringFile));
            } else {
                build(layout, kind);
            }
        }
    }

    public static Path builderFile(AllInOneLayout layout, ServerKind kind) {
        return layout.etc().resolve(kind.ringName() + ".builder");
    }

    private static void build(AllInOneLayout layout, ServerKind kind) throws IOException {
        RingBuilder builder = RingBuilder.create(
                AllInOneLayout.PART_POWER, AllInOneLayout.REPLICAS, AllInOneLayout.MIN_PART_HOURS);
        for (int n = 1; n <= AllInOneLayout.NODES; n++) {
            builder.addDevice(REGION, layout.zone(n), layout.publicHost(), layout.port(n, kind),
                    layout.deviceName(n), WEIGHT);
        }
        builder.rebalance();
        builder.save(builderFile(layout, kind));
        // the ring last: its presence marks the step as done
        builder.writeRing(layout.ringFile(kind));
    }

    private static void check(AllInOneLayout layout, ServerKind kind, Ring ring) {
        for (int n = 1; n <= AllInOneLayout.NODES; n++) {
            String name = layout.deviceName(n);
            int port = layout.port(n, kind);
            boolean present = ring.devices().stream().anyMatch(d -> d.device().equals(name)
                    && d.port() == port && d.ip().equals(layout.publicHost()));
            if (!present) {
                Device other = ring.devices().stream().filter(d -> d.device().equals(name)).findFirst().orElse(null);
                throw new IllegalStateException("the " + kind.ringName() + " ring in " + layout.etc()
                        + " has " + (other == null ? "no device " + name : name + " at " + other.hostPort())
                        + ", but this start puts it at " + layout.publicHost() + ":" + port
                        + ". Start with the options this data directory was created with (e.g. the same"
                        + " --base-port and --bind), or use a new --data directory.");
            }
        }
    }
}
