package io.zerostore.node.server;

import io.netty.channel.EventLoopGroup;
import io.zerostore.common.config.Conf;
import io.zerostore.common.config.ConfException;
import io.zerostore.common.config.ConfSection;
import io.zerostore.common.http.EventLoops;
import io.zerostore.common.http.client.ClientOptions;
import io.zerostore.common.http.client.HttpClient;
import io.zerostore.common.swift.HashPath;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A storage node process: the servers of this machine's devices, each on its own port, sharing one
 * set of event loops and one backend client. Config (Swift-like, every key has a default except
 * the hash secrets): {@code [DEFAULT] devices, mount_check, workers, conn_timeout, node_timeout},
 * {@code [swift-hash] swift_hash_path_prefix / swift_hash_path_suffix}, and one section per
 * server ({@code [object-server]}, {@code [container-server]}, {@code [account-server]}). A server
 * starts when its section is present; a file with none of them starts all with their defaults.
 */
public final class StorageNode implements AutoCloseable {
    /** A server kind: its config section and how to start it. */
    public record Kind(String section, NodeServer.Starter starter) {}

    /**
     * The servers a node can run, in start order. The container and account servers join with one
     * line each here, e.g. {@code new Kind("container-server", ContainerServer::start)}.
     */
    public static final List<Kind> SERVERS = List.of(
            new Kind(ObjectServerConfig.SECTION, ObjectServer::start),
            new Kind(io.zerostore.node.server.db.DbServerConfig.CONTAINER_SECTION, ContainerServer::start),
            new Kind(io.zerostore.node.server.db.DbServerConfig.ACCOUNT_SECTION, AccountServer::start));

    /**
     * A background daemon of the node (Swift's replicators, expirer, ...): started once the servers
     * run, from the node's parts and the running servers (e.g. to learn a server's port); empty when
     * it has nothing to do in this node. Daemons close before the servers.
     */
    @FunctionalInterface
    public interface DaemonStarter {
        Optional<AutoCloseable> start(NodeContext node, StorageNode running) throws Exception;
    }

    /** The daemons a node can run, in start order. */
    public static final List<DaemonStarter> DAEMONS = List.of(
            io.zerostore.node.replication.db.DbReplicators::container,
            io.zerostore.node.replication.db.DbReplicators::account,
            io.zerostore.node.expirer.ObjectExpirer::start);

    private final List<NodeServer> servers;
    private final List<AutoCloseable> daemons = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final HttpClient client;
    private final EventLoopGroup eventLoops;

    private StorageNode(List<NodeServer> servers, HttpClient client, EventLoopGroup eventLoops) {
        this.servers = Collections.unmodifiableList(servers);
        this.client = client;
        this.eventLoops = eventLoops;
    }

    public static StorageNode start(Path confFile) throws Exception {
        Conf conf;
        try {
            conf = Conf.load(confFile);
        } catch (IOException e) {
            throw new ConfException("cannot read " + confFile + ": " + e.getMessage());
        }
        // outside the try: a port in use is an IOException too, and not the config file's fault
        return start(conf);
    }

    public static StorageNode start(Conf conf) throws Exception {
        HashPath hashPath = hashPath(conf);
        ConfSection defaults = conf.section(Conf.DEFAULT);
        EventLoopGroup loops = EventLoops.newGroup(defaults.getInt("workers", 0), "node-io");
        HttpClient client = new HttpClient(loops, new ClientOptions(
                defaults.getSeconds("conn_timeout", Duration.ofMillis(500)),
                defaults.getSeconds("node_timeout", Duration.ofSeconds(3)),
                Duration.ofSeconds(60)));
        List<NodeServer> started = new ArrayList<>();
        boolean any = SERVERS.stream().anyMatch(k -> conf.hasSection(k.section()));
        NodeContext ctx = new NodeContext(conf, loops, client, hashPath);
        try {
            for (Kind k : SERVERS) {
                if (!any || conf.hasSection(k.section())) {
                    started.add(k.starter().start(ctx));
                }
            }
        } catch (Exception | Error e) {
            closeAll(started, client, loops);
            throw e;
        }
        StorageNode node = new StorageNode(new ArrayList<>(started), client, loops);
        try {
            for (DaemonStarter d : DAEMONS) {
                d.start(ctx, node).ifPresent(node.daemons::add);
            }
        } catch (Exception | Error e) {
            node.close();
            throw e;
        }
        return node;
    }

    /** The {@code [swift-hash]} secrets; a cluster must share them, so there is no default. */
    static HashPath hashPath(Conf conf) {
        ConfSection s = conf.section("swift-hash");
        String prefix = s.get("swift_hash_path_prefix", "");
        String suffix = s.get("swift_hash_path_suffix", "");
        if (prefix.isEmpty() && suffix.isEmpty()) {
            throw new ConfException("[swift-hash] needs swift_hash_path_prefix or swift_hash_path_suffix "
                    + "(the same values on every process of the cluster)");
        }
        return new HashPath(prefix, suffix);
    }

    public List<NodeServer> servers() {
        return servers;
    }

    public <T extends NodeServer> Optional<T> server(Class<T> type) {
        return servers.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** The running daemons, in start order. */
    public List<AutoCloseable> daemons() {
        return Collections.unmodifiableList(daemons);
    }

    @Override
    public void close() {
        for (int i = daemons.size() - 1; i >= 0; i--) {
            try {
                daemons.get(i).close();
            } catch (Exception e) {
                System.getLogger(StorageNode.class.getName()).log(System.Logger.Level.WARNING,
                        "closing daemon " + daemons.get(i) + " failed", e);
            }
        }
        daemons.clear();
        closeAll(new ArrayList<>(servers), client, eventLoops);
    }

    private static void closeAll(List<NodeServer> servers, HttpClient client, EventLoopGroup loops) {
        for (int i = servers.size() - 1; i >= 0; i--) {
            try {
                servers.get(i).close();
            } catch (RuntimeException e) {
                System.getLogger(StorageNode.class.getName()).log(System.Logger.Level.WARNING,
                        "closing " + servers.get(i).name() + " failed", e);
            }
        }
        client.close();
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
