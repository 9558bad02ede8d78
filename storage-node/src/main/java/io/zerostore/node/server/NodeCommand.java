package io.zerostore.node.server;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code zerostore node --conf F}: runs one storage node until SIGTERM/SIGINT. Prints one line per
 * server, {@code <section> listening on <ip>:<port>}, once it accepts requests.
 */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = "Runs a storage node: the object (and container, account) servers of this machine's devices.")
public final class NodeCommand implements Callable<Integer> {
    @Option(names = "--conf", required = true, paramLabel = "FILE",
            description = "Config file: [DEFAULT] devices, [swift-hash], [object-server] ...")
    Path conf;

    @Override
    public Integer call() throws Exception {
        StorageNode node = StorageNode.start(conf);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "node-shutdown"));
        for (NodeServer s : node.servers()) {
            System.out.println(s.name() + " listening on " + s.address().getAddress().getHostAddress() + ":"
                    + s.address().getPort());
        }
        System.out.flush();
        stopped.await();
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new NodeCommand()).execute(args));
    }
}
