package io.zerostore.proxy.handler;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Where access-log lines go: the {@code io.zerostore.proxy.access} logger, or (OURS)
 * {@code access_log_file}. Either way one background thread writes them, so an event loop never
 * waits on a disk or a console; when the writer cannot keep up, lines are dropped (and counted)
 * rather than requests slowed. The thread wakes every {@link #FLUSH_MILLIS} and takes what has
 * queued up in one go, instead of being woken for each line: on a busy proxy that wake-up would
 * cost a context switch per request.
 */
public final class AccessLogSink implements Consumer<String>, AutoCloseable {
    private static final System.Logger ACCESS = System.getLogger("io.zerostore.proxy.access");
    static final long FLUSH_MILLIS = 50;

    private final Path file;
    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(65536);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean closed;

    private AccessLogSink(Path file) {
        this.file = file;
        this.writer = new Thread(this::drain, "proxy-access-log");
        writer.setDaemon(true);
        writer.start();
    }

    public static AccessLogSink logger() {
        return new AccessLogSink(null);
    }

    public static AccessLogSink file(Path file) {
        return new AccessLogSink(file);
    }

    @Override
    public void accept(String line) {
        if (!queue.offer(line)) {
            dropped.incrementAndGet();
        }
    }

    /** Lines lost because the writer fell behind. */
    public long dropped() {
        return dropped.get();
    }

    private void drain() {
        if (file == null) {
            try {
                List<String> batch = new ArrayList<>();
                while (!closed || !queue.isEmpty()) {
                    if (queue.drainTo(batch) == 0) {
                        TimeUnit.MILLISECONDS.sleep(FLUSH_MILLIS);
                        continue;
                    }
                    for (String line : batch) {
                        ACCESS.log(System.Logger.Level.INFO, line);
                    }
                    batch.clear();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
            List<String> batch = new ArrayList<>();
            while (!closed || !queue.isEmpty()) {
                if (queue.drainTo(batch) == 0) {
                    TimeUnit.MILLISECONDS.sleep(FLUSH_MILLIS);
                    continue;
                }
                for (String line : batch) {
                    w.write("proxy-server: ");
                    w.write(line);
                    w.newLine();
                }
                batch.clear();
                w.flush();
            }
        } catch (IOException e) {
            ACCESS.log(System.Logger.Level.ERROR, "access log " + file + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            writer.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
