package io.zerostore.common.ring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A ring that follows its file: like Swift's {@code Ring._reload}, the file is checked at most
 * once per interval and re-read when its modification time, size or identity (inode) changed.
 *
 * <p>{@link #current()} is the hot path: a volatile read and a clock read; when a check is due it
 * hands the check to a background thread (ForkJoin common pool) and returns the ring it has, so
 * no caller (for example a Netty event loop) ever waits on the disk. A file that fails to load
 * keeps the previous ring, as Swift keeps serving the old ring when a new one is invalid.
 */
public final class ReloadingRing implements Supplier<Ring> {
  /** Swift's default {@code reload_time}. */
  public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(15);
  private static final System.Logger LOG = System.getLogger(ReloadingRing.class.getName());

  private record Loaded(Ring ring, Object stamp) {
  }

  private final Path path;
  private final long intervalNanos;
  private final AtomicBoolean checking = new AtomicBoolean();
  private volatile Loaded loaded;
  private volatile long nextCheckNanos;

  private ReloadingRing(Path path, Duration interval, Loaded first) {
    this.path = path;
    this.intervalNanos = interval.toNanos();
    this.loaded = first;
    this.nextCheckNanos = System.nanoTime() + intervalNanos;
  }

  /** Loads the ring now (failing if it cannot) and follows the file every 15 seconds. */
  public static ReloadingRing open(Path ringGz) throws IOException {
    return open(ringGz, DEFAULT_CHECK_INTERVAL);
  }

  /** Loads the ring now (failing if it cannot) and follows the file at most every {@code checkInterval}. */
  public static ReloadingRing open(Path ringGz, Duration checkInterval) throws IOException {
    Objects.requireNonNull(checkInterval, "checkInterval");
    Object stamp = stamp(ringGz);
    Ring ring = RingFile.read(ringGz);
    return new ReloadingRing(ringGz, checkInterval, new Loaded(ring, stamp));
  }

  /** The newest successfully loaded ring; never blocks on I/O. */
  public Ring current() {
    if (System.nanoTime() - nextCheckNanos >= 0 && checking.compareAndSet(false, true)) {
      CompletableFuture.runAsync(() -> {
        try {
          reloadIfChanged();
        } finally {
          checking.set(false);
        }
      });
    }
    return loaded.ring();
  }

  @Override
  public Ring get() {
    return current();
  }

  public Path path() {
    return path;
  }

  /**
   * Checks the file now, in the calling thread, and loads it if it changed.
   *
   * @return true if a new ring was loaded
   */
  public synchronized boolean reloadIfChanged() {
    nextCheckNanos = System.nanoTime() + intervalNanos;
    try {
      Object stamp = stamp(path);
      if (stamp.equals(loaded.stamp())) {
        return false;
      }
      Ring ring = RingFile.read(path);
      loaded = new Loaded(ring, stamp);
      LOG.log(System.Logger.Level.INFO, "reloaded ring {0}: {1}", path, ring);
      return true;
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "keeping the current ring; cannot load " + path + ": " + e);
      return false;
    }
  }

  private static Object stamp(Path file) throws IOException {
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    return java.util.List.of(a.lastModifiedTime(), a.size(), String.valueOf(a.fileKey()));
  }
}
