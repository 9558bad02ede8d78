package io.zerostore.node.server;

import java.net.InetSocketAddress;

/**
 * One of the servers a storage node runs (object, container, account), each on its own port as in
 * Swift. {@link StorageNode} starts them from their config sections and closes them in reverse order.
 */
public interface NodeServer extends AutoCloseable {
    /** The config section it runs from, e.g. {@code object-server}. */
    String name();

    InetSocketAddress address();

    /** Stops accepting, finishes or cuts the requests in flight, releases disks and threads. */
    @Override
    void close();

    /** Starts a server from the node's shared parts; registered in {@link StorageNode#SERVERS}. */
    @FunctionalInterface
    interface Starter {
        NodeServer start(NodeContext context) throws Exception;
    }
}
