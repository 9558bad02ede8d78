package io.zerostore.node.replication.db;

import io.zerostore.common.ring.Device;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which ring devices are this server's (Swift's {@code whataremyips} plus the port): a ring
 * device is ours when its port (or replication port) is the port this server listens on and its
 * address is one of this machine's. Host names in the ring are resolved once and remembered.
 */
public final class LocalDevices {
    private final int port;
    private final Set<InetAddress> mine;
    private final Map<String, Boolean> resolved = new ConcurrentHashMap<>();

    LocalDevices(int port, Set<InetAddress> addresses) {
        this.port = port;
        this.mine = Set.copyOf(addresses);
    }

    /** The devices of the server listening on {@code port} of this machine. */
    public static LocalDevices of(int port) {
        Set<InetAddress> addresses = new HashSet<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                addresses.addAll(Collections.list(nic.getInetAddresses()));
            }
        } catch (SocketException e) {
            System.getLogger(LocalDevices.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot list network interfaces; only loopback counts as local", e);
        }
        addresses.add(InetAddress.getLoopbackAddress());
        return new LocalDevices(port, addresses);
    }

    public int port() {
        return port;
    }

    /** True when {@code d} is the device named {@code deviceName} of this server. */
    public boolean isLocal(Device d, String deviceName) {
        return d.device().equals(deviceName) && isThisServer(d);
    }

    /** True when {@code d} is served by this server (any of its devices). */
    public boolean isThisServer(Device d) {
        if (d.port() != port && d.replicationPort() != port) {
            return false;
        }
        return resolved.computeIfAbsent(d.ip(), this::isMine) || resolved.computeIfAbsent(d.replicationIp(), this::isMine);
    }

    private boolean isMine(String ip) {
        try {
            for (InetAddress a : InetAddress.getAllByName(ip)) {
                if (mine.contains(a) || a.isAnyLocalAddress()) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
