package io.zerostore.deploy.interop;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks a base port for an all-in-one cluster whose node ports (base+10..base+32) and proxy port
 * (base+50) are all free on loopback right now. The ring must name node ports before the servers
 * start, so a block is probed instead of asking the kernel for port 0.
 */
public final class FreePorts {
    public static final int PROXY_OFFSET = 50;

    private FreePorts() {
    }

    public static int freeBase() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = 20000 + 100 * ThreadLocalRandom.current().nextInt(300);
            if (allFree(base)) {
                return base;
            }
        }
        throw new IllegalStateException("no free block of ports found");
    }

    private static boolean allFree(int base) {
        for (int node = 1; node <= 3; node++) {
            for (int k = 0; k < 3; k++) {
                if (!free(base + 10 * node + k)) {
                    return false;
                }
            }
        }
        return free(base + PROXY_OFFSET);
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
