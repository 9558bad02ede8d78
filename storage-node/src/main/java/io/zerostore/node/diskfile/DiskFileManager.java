package io.zerostore.node.diskfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The node's devices and the objects on them; registered as a pipeline service so a plug-in (the
 * ZeroCloud executor) can map an object to its file: {@code get(...).read(now)} gives a
 * {@link StoredObject} whose file region {@code [0, contentLength)} is the object's body.
 *
 * <p>Methods touch the disk: call them on the device's executor.
 */
public interface DiskFileManager {
    /**
     * The object on a device and partition.
     *
     * @throws DeviceUnavailableException the device is missing, not a directory, or unmounted
     */
    DiskFile get(String device, int partition, String account, String container, String object)
            throws DeviceUnavailableException;

    /** The device's root directory, after the same check {@link #get} makes. */
    Path device(String device) throws DeviceUnavailableException;

    /** Space on the device's file system. */
    DiskUsage usage(String device) throws IOException;

    /** Names of the directories under the devices root. */
    List<String> devices() throws IOException;
}
