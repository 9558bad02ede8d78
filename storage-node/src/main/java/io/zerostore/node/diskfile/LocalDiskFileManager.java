package io.zerostore.node.diskfile;

import io.zerostore.common.swift.HashPath;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Objects on real files under the devices root, each device a directory (a mount point in production). */
public final class LocalDiskFileManager implements DiskFileManager {
    private final DiskFileConfig config;
    private final HashPath hashPath;

    public LocalDiskFileManager(DiskFileConfig config, HashPath hashPath) {
        this.config = config;
        this.hashPath = hashPath;
    }

    public DiskFileConfig config() {
        return config;
    }

    @Override
    public DiskFile get(String device, int partition, String account, String container, String object)
            throws DeviceUnavailableException {
        Path dev = device(device);
        return new LocalDiskFile(config, dev, partition, hashPath.hex(account, container, object));
    }

    @Override
    public Path device(String device) throws DeviceUnavailableException {
        if (device.isEmpty() || device.equals(".") || device.equals("..") || device.indexOf('/') >= 0
                || device.indexOf('\0') >= 0) {
            throw new DeviceUnavailableException(device);
        }
        Path dev = config.devices().resolve(device);
        if (!Files.isDirectory(dev) || (config.mountCheck() && !isMountPoint(dev))) {
            throw new DeviceUnavailableException(device);
        }
        return dev;
    }

    /** A mount point sits on another file system than its parent (or is the parent's own root). */
    private static boolean isMountPoint(Path dir) {
        try {
            Object dev = Files.getAttribute(dir, "unix:dev");
            Object parentDev = Files.getAttribute(dir.resolve(".."), "unix:dev");
            Object ino = Files.getAttribute(dir, "unix:ino");
            Object parentIno = Files.getAttribute(dir.resolve(".."), "unix:ino");
            return !dev.equals(parentDev) || ino.equals(parentIno);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    @Override
    public DiskUsage usage(String device) throws IOException {
        return Natives.statvfs(device(device));
    }

    @Override
    public List<String> devices() throws IOException {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(config.devices())) {
            return names;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(config.devices(), Files::isDirectory)) {
            ds.forEach(p -> names.add(p.getFileName().toString()));
        }
        names.sort(null);
        return names;
    }
}
