package io.zerostore.node.replication.db;

import io.zerostore.common.ring.ReloadingRing;
import io.zerostore.common.ring.Ring;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A ring file a node may not have yet: the node starts before its rings are built (the
 * all-in-one and the test clusters write them once the ports are known), so the file is opened on
 * first use and, while missing or broken, looked for again at most every few seconds. Once open it
 * follows the file like the proxy's rings ({@link ReloadingRing}).
 */
public final class LazyRing {
    private static final System.Logger LOG = System.getLogger(LazyRing.class.getName());
    private static final long RETRY_NANOS = 5_000_000_000L;

    private final Path path;
    private volatile ReloadingRing ring;
    private long nextTry;
    private boolean warned;

    public LazyRing(Path path) {
        this.path = path;
    }

    /** The ring file {@code name} in the config's {@code swift_dir} ({@code /etc/swift} by default). */
    public static LazyRing in(io.zerostore.common.config.ConfSection section, String name) {
        return new LazyRing(Path.of(section.get("swift_dir", "/etc/swift")).resolve(name));
    }

    public Path path() {
        return path;
    }

    /** The ring, or empty while the file is missing or unreadable. Never blocks on more than one open. */
    public Optional<Ring> get() {
        ReloadingRing r = ring;
        if (r != null) {
            return Optional.of(r.current());
        }
        return open();
    }

    private synchronized Optional<Ring> open() {
        if (ring != null) {
            return Optional.of(ring.current());
        }
        long now = System.nanoTime();
        if (nextTry != 0 && now - nextTry < 0) {
            return Optional.empty();
        }
        nextTry = now + RETRY_NANOS;
        if (!Files.isRegularFile(path)) {
            warnOnce("no ring at " + path + " yet");
            return Optional.empty();
        }
        try {
            ring = ReloadingRing.open(path);
            return Optional.of(ring.current());
        } catch (IOException | RuntimeException e) {
            warnOnce("cannot load ring " + path + ": " + e);
            return Optional.empty();
        }
    }

    private void warnOnce(String message) {
        if (!warned) {
            warned = true;
            LOG.log(System.Logger.Level.INFO, message);
        }
    }
}
