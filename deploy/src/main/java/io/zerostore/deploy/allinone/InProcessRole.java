package io.zerostore.deploy.allinone;

import io.zerostore.node.server.StorageNode;
import io.zerostore.proxy.ProxyServer;

/** A role running in this JVM, started from its config file like {@code zerostore node} or {@code zerostore proxy}. */
final class InProcessRole implements RunningRole {
    private final String name;
    /** Closes the started server ({@link StorageNode#close()}, {@link ProxyServer#close()}). */
    private final Runnable stop;
    private volatile boolean closed;

    private InProcessRole(String name, Runnable stop) {
        this.name = name;
        this.stop = stop;
    }

    static InProcessRole node(AllInOneLayout layout, int node) throws Exception {
        return new InProcessRole("node" + node, StorageNode.start(layout.nodeConf(node))::close);
    }

    static InProcessRole proxy(AllInOneLayout layout) throws Exception {
        return new InProcessRole("proxy", ProxyServer.start(layout.proxyConf())::close);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isAlive() {
        return !closed;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            stop.run();
        }
    }
}
