package io.zerostore.sandbox;

import io.zerostore.sandbox.channel.MemoryBinding;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Test kit: one shared sandbox per JVM (so compiled programs are reused) and a one-call run. */
public final class Runs {
    /** Compiled engine, shared by tests (the program cache is what production relies on too). */
    public static final ChicorySandbox COMPILED = new ChicorySandbox();
    /** Interpreter only. */
    public static final ChicorySandbox INTERPRETED =
            new ChicorySandbox(SandboxOptions.builder().compile(false).build());

    private Runs() {
    }

    /** What a run produced: its report and its captured stdout/stderr. */
    public record Result(Report report, String stdout, String stderr, byte[] stdoutBytes) {
    }

    /** Runs {@code program} with stdin = {@code stdin} (null: none), capturing stdout/stderr. */
    public static Result run(Sandbox sb, String program, String stdin, Consumer<Execution.Builder> more) {
        Program p = sb.load(Examples.bytes(program));
        MemoryBinding out = MemoryBinding.empty(64 << 20);
        MemoryBinding err = MemoryBinding.empty(1 << 20);
        Execution.Builder b = Execution.builder(p)
                .output("/dev/stdout", out, 64 << 20)
                .output("/dev/stderr", err, 1 << 20)
                .args(program);
        if (stdin != null) {
            b.input("/dev/stdin", MemoryBinding.of(stdin.getBytes(StandardCharsets.UTF_8)));
        }
        if (more != null) {
            more.accept(b);
        }
        Report r = sb.run(b.build());
        return new Result(r, out.asString(), err.asString(), out.toByteArray());
    }

    public static Result run(String program, String stdin) {
        return run(COMPILED, program, stdin, null);
    }
}
