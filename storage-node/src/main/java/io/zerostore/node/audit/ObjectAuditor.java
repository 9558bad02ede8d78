package io.zerostore.node.audit;

import io.micrometer.core.instrument.Counter;
import io.zerostore.common.metrics.Metrics;
import io.zerostore.node.diskfile.DiskFileManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Swift's object auditor for this node: passes over every device, each device on its own thread
 * at the configured files/s and bytes/s, re-reading every file that counts and checking it
 * ({@link ObjectVerifier}); bad files go to quarantine and their suffix hash is invalidated, so
 * the replicators restore a good copy from a peer. A pass starts {@code interval} after the
 * previous one ended; passes never overlap.
 */
public final class ObjectAuditor implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ObjectAuditor.class.getName());

    /** Totals of one pass over all devices. */
    public record Pass(long files, long bytes, int quarantined, int suffixesInvalidated, int errors) {}

    private final AuditorConfig config;
    private final DiskFileManager files;
    private final long reclaimAge;
    private final ExecutorService devices;
    private ScheduledExecutorService loop;

    private ObjectAuditor(AuditorConfig config, DiskFileManager files, long reclaimAge) {
        this.config = config;
        this.files = files;
        this.reclaimAge = reclaimAge;
        AtomicInteger n = new AtomicInteger();
        this.devices = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "object-auditor-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Creates the auditor and, unless its interval is 0, starts its background passes.
     *
     * @param reclaimAge the replicator's reclaim_age: suffixes with older tombstones are invalidated
     *                   so that the next hashing reclaims them
     */
    public static ObjectAuditor start(AuditorConfig config, DiskFileManager files, long reclaimAge) {
        ObjectAuditor a = new ObjectAuditor(config, files, reclaimAge);
        if (!config.interval().isZero()) {
            a.loop = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "object-auditor");
                t.setDaemon(true);
                return t;
            });
            long ms = Math.max(1, config.interval().toMillis());
            a.loop.scheduleWithFixedDelay(a::runQuietly, ms, ms, TimeUnit.MILLISECONDS);
        }
        return a;
    }

    private void runQuietly() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "audit pass failed", e);
        }
    }

    /** One pass over every device, now, in the calling thread's time (devices in parallel). */
    public synchronized Pass runOnce() {
        List<String> names;
        try {
            names = files.devices();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot list devices", e);
            return new Pass(0, 0, 0, 0, 1);
        }
        List<DeviceAudit> audits = new ArrayList<>();
        List<Future<?>> running = new ArrayList<>();
        for (String name : names) {
            Path device;
            try {
                device = files.device(name);
            } catch (IOException e) {
                continue; // unmounted: nothing to audit
            }
            DeviceAudit a = new DeviceAudit(name, device, config, reclaimAge);
            audits.add(a);
            running.add(devices.submit(() -> {
                a.run();
                return null;
            }));
        }
        long filesChecked = 0;
        long bytes = 0;
        int quarantined = 0;
        int invalidated = 0;
        int errors = 0;
        for (int i = 0; i < audits.size(); i++) {
            try {
                running.get(i).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.forEach(f -> f.cancel(true));
                break;
            } catch (ExecutionException e) {
                errors++;
                LOG.log(System.Logger.Level.ERROR, "audit of " + audits.get(i) + " failed", e.getCause());
            }
            DeviceAudit a = audits.get(i);
            filesChecked += a.filesChecked;
            bytes += a.bytesRead;
            quarantined += a.quarantined;
            invalidated += a.invalidated;
            errors += a.errors;
        }
        Counter.builder("zerostore.audit.passes").description("auditor passes over all devices")
                .register(Metrics.registry()).increment();
        return new Pass(filesChecked, bytes, quarantined, invalidated, errors);
    }

    @Override
    public void close() {
        if (loop != null) {
            loop.shutdownNow();
        }
        devices.shutdownNow();
    }
}
