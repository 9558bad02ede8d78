package io.zerostore.sandbox.cli;

import io.zerostore.sandbox.ChicorySandbox;
import io.zerostore.sandbox.Execution;
import io.zerostore.sandbox.Program;
import io.zerostore.sandbox.Report;
import io.zerostore.sandbox.Sandbox;
import io.zerostore.sandbox.SandboxException;
import io.zerostore.sandbox.SandboxOptions;
import io.zerostore.sandbox.ValidationState;
import io.zerostore.sandbox.manifest.Manifest;
import io.zerostore.sandbox.manifest.ManifestExecution;
import io.zerostore.sandbox.manifest.ManifestParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code zerovm [options] manifest}: runs the manifest's program the way ZeroVM did and prints
 * its report. Usable on its own ({@link #main}) and as the {@code zerovm} subcommand of the
 * {@code zerostore} launcher (add {@code new ZerovmCommand()} as a subcommand).
 *
 * <p>Exit code: the program's own when it exited; otherwise 124 timeout, 126 validation failed,
 * 134 trap, 125 the run could not be set up (bad manifest, missing file), 0 with {@code -F}.
 */
@Command(name = "zerovm", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a WebAssembly (wasm32-wasi) program under a ZeroVM manifest.",
        footer = {"", "Program args, env and images come from an nvram channel (/dev/nvram) or",
            "the program name alone. Time and random are deterministic (--seed)."})
public final class ZerovmCommand implements Callable<Integer> {
    public static final int EXIT_SETUP = 125;
    public static final int EXIT_VALIDATION = 126;
    public static final int EXIT_TIMEOUT = 124;
    public static final int EXIT_TRAP = 134;

    @Parameters(index = "0", paramLabel = "manifest", description = "ZeroVM manifest file")
    Path manifest;

    @Option(names = "-t", paramLabel = "<0..2>", description = "report: 0 labelled lines on stderr (default),"
            + " 1 one line on stderr, 2 ZeroVM's raw six lines on stdout")
    int reportMode;

    @Option(names = "-v", paramLabel = "<0..3>", description = "log verbosity (default 0)")
    int verbosity;

    @Option(names = "-F", description = "validate and set up everything, but do not run the program")
    boolean setupOnly;

    @Option(names = "-s", description = "skip validation (trusted programs only)")
    boolean skipValidation;

    @Option(names = "-l", paramLabel = "<gigabytes>", description = "file size limit per output channel (default 4)")
    long limitGigabytes = 4;

    @Option(names = "--limit-bytes", paramLabel = "<bytes>", description = "file size limit in bytes (overrides -l)")
    Long limitBytes;

    @Option(names = "-T", description = "trace every host call to stderr")
    boolean trace;

    @Option(names = "-P", description = "accepted for compatibility (no channel preallocation here)")
    boolean noPrealloc;

    @Option(names = "-Q", description = "accepted for compatibility (no platform qualification here)")
    boolean noQualification;

    @Option(names = "--seed", description = "seed of the program's random_get (default 0)")
    long seed;

    @Option(names = "--compiled-cache", paramLabel = "<dir>",
            description = "keep compiled programs in this directory, so later runs skip compiling")
    java.nio.file.Path compiledCache;

    @Option(names = "--interpret", description = "run with Chicory's interpreter instead of compiling")
    boolean interpret;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    /** Uses the process's standard streams. */
    public ZerovmCommand() {
        this(System.in, System.out, System.err);
    }

    /** Uses the given streams for the host side of /dev/stdin, /dev/stdout, /dev/stderr and the report. */
    public ZerovmCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ZerovmCommand()).execute(args));
    }

    @Override
    public Integer call() {
        try (Sandbox sandbox = new ChicorySandbox(SandboxOptions.builder().compile(!interpret)
                .compiledCacheDir(compiledCache).build())) {
            Manifest m = ManifestParser.parse(Files.readString(manifest, StandardCharsets.UTF_8));
            byte[] wasm = Files.readAllBytes(Path.of(m.program()));
            Program program = skipValidation ? sandbox.loadTrusted(wasm, null) : sandbox.load(wasm);
            log(1, "program " + m.program() + " (" + wasm.length + " bytes, " + program.engine()
                    + ", compiled in " + program.compileNanos() / 1_000_000 + " ms), validation "
                    + program.validation());
            Execution.Builder b = ManifestExecution.toExecution(m, program,
                    ManifestExecution.hostFiles(in, out, err))
                    .fileSizeLimit(limitBytes != null ? limitBytes : limitGigabytes << 30)
                    .seed(seed)
                    .setupOnly(setupOnly);
            if (m.channels().stream().noneMatch(c -> c.alias().equals("/dev/nvram"))) {
                b.args(Path.of(m.program()).getFileName().toString()); // else the nvram's [args]
            }
            if (trace) {
                b.tracer((call, a, result) -> err.println("zerovm: trace " + call
                        + Arrays.toString(a) + " = " + result));
            }
            Report r = sandbox.run(b.build());
            out.flush();
            if (verbosity >= 2) {
                r.accounting().perChannel().forEach((alias, st) -> log(2, "channel " + alias
                        + ": gets " + st.gets() + " (" + st.getBytes() + " bytes), puts " + st.puts()
                        + " (" + st.putBytes() + " bytes)"));
                log(2, String.format(java.util.Locale.ROOT, "wall %.3f s, cpu %.3f s, memory %d bytes",
                        r.accounting().wallNanos() / 1e9, r.accounting().cpuNanos() / 1e9,
                        r.accounting().memoryBytes()));
            }
            printReport(r);
            return exitCode(r);
        } catch (SandboxException e) {
            err.println("zerovm: " + e.getMessage());
            return EXIT_SETUP;
        } catch (IOException e) {
            err.println("zerovm: " + e);
            return EXIT_SETUP;
        }
    }

    private void printReport(Report r) {
        switch (reportMode) {
            case 1 -> err.print(ReportText.oneLine(r));
            case 2 -> out.print(ReportText.raw(r));
            default -> err.print(ReportText.labelled(r));
        }
        err.flush();
        out.flush();
    }

    static int exitCode(Report r) {
        if (r.exited()) {
            return r.retcode() & 0xff;
        }
        if (Report.SETUP_ONLY.equals(r.status())) {
            return 0;
        }
        if (r.validation() == ValidationState.FAILED) {
            return EXIT_VALIDATION;
        }
        if (Report.TIMEOUT.equals(r.status())) {
            return EXIT_TIMEOUT;
        }
        return EXIT_TRAP;
    }

    private void log(int level, String message) {
        if (verbosity >= level) {
            err.println("zerovm: " + message);
        }
    }
}
