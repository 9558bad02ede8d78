package io.zerostore.proxy.handler;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Where access-log lines go: the {@code io.zerostore.proxy.access} logger, or (OURS)
 * {@code access_log_file}, written by one background thread so an event loop never waits on the
 * disk; when the disk cannot keep up, lines are dropped rather than requests slowed.
 */
public final class AccessLogSink implements Consumer<String>, AutoCloseable {
    private static final System.Logger ACCESS = System.getLogger("io.zerostore.proxy.access");

    private final BlockingQueue<String> queue;
    private final Thread writer;
    private volatile boolean closed;

    private AccessLogSink(Path file) {
        this.queue = file == null ? null : new ArrayBlockingQueue<>(65536);
        this.writer = file == null ? null : new Thread(() -> drain(file), "proxy-access-log");
        if (writer != null) {
            writer.setDaemon(true);
            writer.start();
        }
    }

    public static AccessLogSink logger() {
        return new AccessLogSink(null);
    }

    public static AccessLogSink file(Path file) {
        return new AccessLogSink(file);
    }

    @Override
    public void accept(String line) {
        if (queue == null) {
            ACCESS.log(System.Logger.Level.INFO, line);
        } else {
            queue.offer(line);
        }
    }

    private void drain(Path file) {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            while (!closed || !queue.isEmpty()) {
                String line = queue.poll(200, TimeUnit.MILLISECONDS);
                if (line == null) {
                    w.flush();
                    continue;
                }
                w.write("proxy-server: ");
                w.write(line);
                w.newLine();
                if (queue.isEmpty()) {
                    w.flush();
                }
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
        if (writer != null) {
            try {
                writer.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
