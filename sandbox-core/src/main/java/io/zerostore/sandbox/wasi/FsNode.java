package io.zerostore.sandbox.wasi;

import io.zerostore.sandbox.channel.Channel;
import io.zerostore.sandbox.channel.ChannelBinding;
import java.util.Map;
import java.util.TreeMap;

/**
 * A node of the program's file system: a directory, a declared channel, or a read-only file of a
 * tar image. The tree is built before the program starts and never changes shape while it runs.
 */
abstract class FsNode {
    final long ino;

    FsNode(long ino) {
        this.ino = ino;
    }

    abstract int filetype();

    abstract long size();

    /** A directory; children are kept sorted so listings are deterministic. */
    static final class Dir extends FsNode {
        final Dir parent;
        final Map<String, FsNode> children = new TreeMap<>();

        Dir(long ino, Dir parent) {
            super(ino);
            this.parent = parent == null ? this : parent;
        }

        @Override
        int filetype() {
            return WasiTypes.FILETYPE_DIRECTORY;
        }

        @Override
        long size() {
            return 0;
        }
    }

    /** A declared channel, seen at its alias. */
    static final class ChannelFile extends FsNode {
        final Channel channel;
        final int filetype;

        ChannelFile(long ino, Channel channel, int filetype) {
            super(ino);
            this.channel = channel;
            this.filetype = filetype;
        }

        @Override
        int filetype() {
            return filetype;
        }

        @Override
        long size() {
            return channel.knownSize();
        }
    }

    /** A file of a mounted tar image, read in place from the image's binding. */
    static final class ImageFile extends FsNode {
        final ChannelBinding source;
        final long offset;
        final long length;

        ImageFile(long ino, ChannelBinding source, long offset, long length) {
            super(ino);
            this.source = source;
            this.offset = offset;
            this.length = length;
        }

        @Override
        int filetype() {
            return WasiTypes.FILETYPE_REGULAR_FILE;
        }

        @Override
        long size() {
            return length;
        }
    }
}
