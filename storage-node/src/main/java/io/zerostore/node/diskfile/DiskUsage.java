package io.zerostore.node.diskfile;

/**
 * Space of one device's file system as {@code statvfs} reports it, in bytes. {@code available} is
 * what an unprivileged writer may still use (root-reserved blocks excluded).
 */
public record DiskUsage(long size, long free, long available, long inodes, long freeInodes) {
    public long used() {
        return size - free;
    }
}
