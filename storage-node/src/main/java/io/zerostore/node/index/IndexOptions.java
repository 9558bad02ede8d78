package io.zerostore.node.index;

import io.zerostore.common.config.ConfSection;

/**
 * How a device's index runs. {@code syncWrites}: every acknowledged write is in the fsynced WAL
 * (turn off only for throw-away test clusters). Writes queue for the device's single writer,
 * which commits everything queued in one synced batch (group commit); reads run on a small pool.
 * Both queues are bounded: a full queue answers 503.
 *
 * @param writeQueue   pending writes per device before 503 ({@code db_write_queue})
 * @param maxGroup     most writes committed by one fsync ({@code db_max_group_commit})
 * @param readThreads  listing/HEAD threads per device ({@code db_read_threads})
 * @param readQueue    pending reads per device before 503 ({@code db_read_queue})
 * @param syncWrites   fsync the WAL before answering ({@code db_sync_writes})
 */
public record IndexOptions(int writeQueue, int maxGroup, int readThreads, int readQueue, boolean syncWrites) {
    public static final IndexOptions DEFAULTS = new IndexOptions(4096, 512, 2, 256, true);

    public IndexOptions {
        if (writeQueue < 1 || maxGroup < 1 || readThreads < 1 || readQueue < 1) {
            throw new IllegalArgumentException("index queue sizes and threads must be positive");
        }
    }

    public static IndexOptions from(ConfSection s) {
        return new IndexOptions(
                s.getInt("db_write_queue", DEFAULTS.writeQueue),
                s.getInt("db_max_group_commit", DEFAULTS.maxGroup),
                s.getInt("db_read_threads", DEFAULTS.readThreads),
                s.getInt("db_read_queue", DEFAULTS.readQueue),
                s.getBool("db_sync_writes", DEFAULTS.syncWrites));
    }
}
