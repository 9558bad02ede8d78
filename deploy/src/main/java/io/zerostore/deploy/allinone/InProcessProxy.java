package io.zerostore.deploy.allinone;

import io.zerostore.proxy.ProxyServer;

/** The proxy running in this JVM, started from its config file like {@code zerostore proxy}. */
final class InProcessProxy implements RunningRole {
    private final ProxyServer server;
    private volatile boolean closed;

    private InProcessProxy(ProxyServer server) {
        this.server = server;
    }

    static InProcessProxy start(AllInOneLayout layout) throws Exception {
        return new InProcessProxy(ProxyServer.start(layout.proxyConf()));
    }

    @Override
    public String name() {
        return "proxy";
    }

    @Override
    public boolean isAlive() {
        return !closed;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.close();
        }
    }
}
