package io.zerostore.deploy.allinone;

import io.zerostore.node.server.StorageNode;

/** A storage node running in this JVM, started from its config file like {@code zerostore node}. */
final class InProcessNode implements RunningRole {
    private final int node;
    private final StorageNode storageNode;
    private volatile boolean closed;

    private InProcessNode(int node, StorageNode storageNode) {
        this.node = node;
        this.storageNode = storageNode;
    }

    static InProcessNode start(AllInOneLayout layout, int node) throws Exception {
        return new InProcessNode(node, StorageNode.start(layout.nodeConf(node)));
    }

    @Override
    public String name() {
        return "node" + node;
    }

    @Override
    public boolean isAlive() {
        return !closed;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            storageNode.close();
        }
    }
}
