package io.zerostore.deploy.allinone;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One all-in-one per data directory: a second {@code zerostore start} on the same directory would
 * rebuild nothing but fight over ports and devices, so it is refused up front with the reason.
 * The OS releases the lock when the process dies, even by {@code kill -9}.
 */
final class DataLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private DataLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataLock acquire(AllInOneLayout layout) throws IOException {
        Files.createDirectories(layout.run());
        Path file = layout.run().resolve("zerostore.lock");
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String holder = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).strip();
            ch.close();
            throw new IllegalStateException("another 'zerostore start' (pid " + holder + ") is using "
                    + layout.data() + "; stop it first or use another --data directory");
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        return new DataLock(ch, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
