package io.zerostore.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code java -jar zerostore-bench.jar <workload> [options]}. */
@Command(name = "zerostore-bench", mixinStandardHelpOptions = true,
    description = "Closed-loop HTTP load generator for Swift-API stores (TempAuth), on Netty.",
    subcommands = {PutCommand.class, GetCommand.class, HeadCommand.class, PutLargeCommand.class,
        GetLargeCommand.class, ListCommand.class, StaticServerCommand.class})
public final class BenchCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }
}
