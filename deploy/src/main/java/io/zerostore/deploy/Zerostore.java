package io.zerostore.deploy;

import io.zerostore.common.ring.cli.RingCommand;
import io.zerostore.deploy.allinone.ParentWatch;
import io.zerostore.deploy.allinone.StartCommand;
import io.zerostore.node.server.NodeCommand;
import io.zerostore.proxy.ProxyCommand;
import io.zerostore.sandbox.cli.ZerovmCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code zerostore} command: one jar that runs the all-in-one cluster or any single role.
 * Each role module contributes its own picocli subcommand; this class only assembles them.
 */
@Command(name = "zerostore",
        mixinStandardHelpOptions = true,
        versionProvider = Zerostore.Version.class,
        description = "A Swift-API object store that runs sandboxed WebAssembly jobs next to the data.",
        subcommands = {StartCommand.class, ProxyCommand.class, NodeCommand.class, RingCommand.class, ZerovmCommand.class,
            CommandLine.HelpCommand.class})
public final class Zerostore implements Runnable {
    private static final String LOG_FORMAT = "java.util.logging.SimpleFormatter.format";

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing a command, e.g. 'zerostore start'");
    }

    /** The full command tree, for the launcher and for tests that run commands in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new Zerostore())
                .setExecutionExceptionHandler(Zerostore::reportFailure);
    }

    /** An operator wants the reason, not a stack trace; ZEROSTORE_DEBUG=1 shows the trace too. */
    private static int reportFailure(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        String told = describe(e);
        err.println("zerostore " + cmd.getCommandName() + ": " + told);
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (!told.contains(describe(c))) {
                told = describe(c);
                err.println("  caused by: " + told);
            }
        }
        if (System.getenv("ZEROSTORE_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    public static void main(String[] args) {
        if (System.getProperty(LOG_FORMAT) == null) {
            // one line per record instead of java.util.logging's two
            System.setProperty(LOG_FORMAT, "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
        }
        ParentWatch.fromSystemProperty();
        int code = commandLine().execute(args);
        System.exit(code);
    }

    /** The version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Zerostore.class.getPackage().getImplementationVersion();
            return new String[] {"zerostore " + (v == null ? "dev" : v)};
        }
    }
}
