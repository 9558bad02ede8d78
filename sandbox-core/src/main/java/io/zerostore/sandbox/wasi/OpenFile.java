package io.zerostore.sandbox.wasi;

/**
 * One file descriptor's state: the node it refers to, what the program opened it for, and its
 * own position (used by random-access channels, image files and directory listings; a
 * sequential channel's position belongs to the channel).
 */
final class OpenFile {
    final FsNode node;
    final boolean read;
    final boolean write;
    final boolean preopen;
    long position;
    int fdflags;

    OpenFile(FsNode node, boolean read, boolean write, boolean preopen) {
        this.node = node;
        this.read = read;
        this.write = write;
        this.preopen = preopen;
    }
}
