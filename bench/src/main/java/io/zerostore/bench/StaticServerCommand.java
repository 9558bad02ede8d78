package io.zerostore.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "static-server", mixinStandardHelpOptions = true,
    description = "run the trivial responder used to measure the generator's ceiling (until killed)")
final class StaticServerCommand implements Callable<Integer> {
    @Option(names = "--host", defaultValue = "127.0.0.1")
    String host;

    @Option(names = {"-p", "--port"}, defaultValue = "18500", description = "port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--body-size", defaultValue = "2", converter = ByteSize.class,
        description = "bytes in every GET response body (default: ${DEFAULT-VALUE})")
    long bodySize;

    @Option(names = "--io-threads", defaultValue = "1")
    int ioThreads;

    @Override
    public Integer call() throws Exception {
        try (StaticResponder responder = StaticResponder.start(host, port, bodySize, ioThreads)) {
            System.out.println("static responder listening on http://" + host + ":" + responder.port()
                + " (auth: http://" + host + ":" + responder.port() + "/auth/v1.0)");
            System.out.flush();
            responder.awaitClose();
        }
        return 0;
    }
}
