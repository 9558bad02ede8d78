package io.zerostore.sandbox.channel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A host file opened for writing (and reading back): the CLI's output channels, or a temporary
 * file the job executor later turns into an object. Sequential writes append; positional writes
 * go where asked. Closed with the binding.
 */
public final class FileBinding extends PositionalBinding {
    private final FileChannel file;

    private FileBinding(FileChannel file) {
        super(true);
        this.file = file;
    }

    /** Creates or truncates {@code path} for writing. */
    public static FileBinding create(Path path) throws IOException {
        return open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE, StandardOpenOption.READ);
    }

    /** Opens {@code path} with the given options (READ/WRITE decide what the binding can do). */
    public static FileBinding open(Path path, OpenOption... options) throws IOException {
        return new FileBinding(FileChannel.open(path, options));
    }

    @Override
    public int readAt(long position, byte[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        return file.read(ByteBuffer.wrap(buf, off, len), position);
    }

    @Override
    public int write(byte[] buf, int off, int len) throws IOException {
        return writeAt(file.size(), buf, off, len);
    }

    @Override
    public int writeAt(long position, byte[] buf, int off, int len) throws IOException {
        ByteBuffer src = ByteBuffer.wrap(buf, off, len);
        int total = 0;
        while (src.hasRemaining()) {
            total += file.write(src, position + total);
        }
        return total;
    }

    @Override
    public long size() {
        try {
            return file.size();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
