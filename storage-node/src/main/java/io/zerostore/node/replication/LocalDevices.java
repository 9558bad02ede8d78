package io.zerostore.node.replication;

import io.zerostore.common.ring.Device;
import io.zerostore.common.ring.Ring;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which devices of the ring this node serves (Swift's {@code whataremyips} plus the port check):
 * those whose replication address (or main address) is one of this machine's addresses — all of
 * them when the object server binds the wildcard — and whose port is the object server's.
 */
final class LocalDevices {
    private LocalDevices() {}

    static List<Device> of(Ring ring, InetSocketAddress bound) {
        Set<InetAddress> mine = addresses(bound);
        int port = bound.getPort();
        List<Device> local = new ArrayList<>();
        for (Device d : ring.devices()) {
            boolean portMatches = d.replicationPort() == port || d.port() == port;
            if (portMatches && (isMine(d.replicationIp(), mine) || isMine(d.ip(), mine))) {
                local.add(d);
            }
        }
        return local;
    }

    static Set<InetAddress> addresses(InetSocketAddress bound) {
        Set<InetAddress> out = new HashSet<>();
        if (!bound.getAddress().isAnyLocalAddress()) {
            out.add(bound.getAddress());
            return out;
        }
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                out.addAll(Collections.list(nif.getInetAddresses()));
            }
        } catch (SocketException e) {
            out.add(InetAddress.getLoopbackAddress());
        }
        return out;
    }

    private static boolean isMine(String ip, Set<InetAddress> mine) {
        try {
            InetAddress a = InetAddress.getByName(ip);
            if (mine.contains(a)) {
                return true;
            }
            // an IPv6 address from an interface carries its scope; compare without it
            for (InetAddress m : mine) {
                if (java.util.Arrays.equals(m.getAddress(), a.getAddress())) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
