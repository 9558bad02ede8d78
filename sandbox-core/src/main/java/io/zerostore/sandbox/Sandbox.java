package io.zerostore.sandbox;

/**
 * Runs untrusted WebAssembly programs the ZeroVM way: each program is validated once when loaded,
 * then every run sees only its declared channels, within its memory and time limits, with a
 * deterministic clock and random.
 *
 * <p>Contract for callers (the storage node's job executor, the CLI):
 * <ul>
 *   <li>{@link #load} is idempotent and cached by ETag; it never throws for a bad program — the
 *       verdict is in {@link Program#validation()} and a run of a failed program reports it.</li>
 *   <li>{@link #run} blocks the calling thread until the program ends, times out or fails; call
 *       it from your own bounded executor. It never throws for anything the program does; it
 *       throws {@link SandboxException} only when the run cannot be set up. Every binding of the
 *       execution is closed when it returns, whatever happened.</li>
 *   <li>The timeout interrupts the running thread; do not cancel a run by interrupting it
 *       yourself while it reads a shared {@link java.nio.channels.FileChannel} (an interrupt
 *       closes the channel) — give the execution a timeout instead.</li>
 *   <li>Implementations are thread-safe: many runs may proceed at once.</li>
 * </ul>
 */
public interface Sandbox extends AutoCloseable {

    /**
     * Decodes, validates and compiles {@code wasm}, or returns the cached program for
     * {@code etag}.
     *
     * @param etag the program's ETag (a Swift object's MD5); null to compute the MD5 here
     */
    Program load(byte[] wasm, String etag);

    default Program load(byte[] wasm) {
        return load(wasm, null);
    }

    /**
     * Like {@link #load} but skips validation (ZeroVM's {@code -s}): only for programs a trusted
     * path validated before (e.g. at upload with {@code X-Zerovm-Validate}). The program's
     * validation state is {@link ValidationState#NOT_RUN}.
     */
    Program loadTrusted(byte[] wasm, String etag);

    /** Runs one execution to its end and reports what happened. */
    Report run(Execution execution);

    @Override
    void close();
}
