package io.zerostore.proxy;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zerostore proxy --conf F}: runs the proxy from a config file until the process is stopped. */
@Command(name = "proxy", mixinStandardHelpOptions = true,
        description = "Run the Swift API proxy (TempAuth, pipeline, quorum I/O over the rings).")
public final class ProxyCommand implements Callable<Integer> {
    @Option(names = "--conf", required = true, paramLabel = "FILE",
            description = "proxy config file (Swift style: [proxy-server], [pipeline:main], [filter:tempauth], [swift-hash])")
    Path conf;

    @Override
    public Integer call() throws Exception {
        ProxyServer server = ProxyServer.start(conf);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "proxy-shutdown"));
        System.out.println("proxy listening on " + server.address().getHostString() + ":" + server.port());
        System.out.flush();
        stopped.await();
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new ProxyCommand()).execute(args));
    }
}
