package io.zerostore.deploy.allinone;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zerostore start}: the all-in-one cluster in the foreground until Ctrl-C or SIGTERM. */
@Command(name = "start",
        mixinStandardHelpOptions = true,
        description = {"Run an all-in-one cluster: a proxy and 3 storage nodes (3 zones, 3 replicas).",
                "Creates the rings, hash secrets and per-role config files under DATA/etc on first start."})
public final class StartCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Data directory (default: ${DEFAULT-VALUE}, relative to the current directory).")
    Path data;

    @Option(names = "--bind", paramLabel = "IP", defaultValue = "127.0.0.1",
            description = "Address all servers bind to (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "Proxy (Swift API) port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--base-port", paramLabel = "PORT", defaultValue = "6000",
            description = "Node N listens on BASE+10N (object), +1 (container), +2 (account) (default: ${DEFAULT-VALUE}).")
    int basePort;

    @Option(names = "--nodes-as-processes",
            description = "Run each storage node as its own child JVM (pids in DATA/run, logs in DATA/log).")
    boolean nodesAsProcesses;

    @Option(names = "--no-daemons",
            description = "Run only the servers: no replicators, auditor or expirer (bench/compare.sh uses it, "
                    + "since its Swift runs only the four server types).")
    boolean noDaemons;

    @Override
    public Integer call() throws Exception {
        AllInOneLayout layout = new AllInOneLayout(data, bind, port, basePort, !noDaemons);
        AllInOne cluster = AllInOne.start(layout, nodesAsProcesses, System.err);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("zerostore: stopping");
            cluster.close();
            stopped.countDown();
        }, "zerostore-stop"));
        System.out.println(Banner.text(layout, nodesAsProcesses));
        System.out.flush();
        stopped.await();
        return 0;
    }
}
