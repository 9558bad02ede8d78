package io.zerostore.sandbox;

import java.nio.file.Path;

/**
 * How a {@link ChicorySandbox} loads and runs programs. Immutable; build with {@link #builder()}.
 * Defaults: 64 cached programs, compile modules up to 64 MiB (larger ones run interpreted),
 * compiled engine preferred with the interpreter as fallback, {@link MemoryKind#LINEAR} memory.
 */
public final class SandboxOptions {
    private final int cacheCapacity;
    private final long maxCompileBytes;
    private final boolean compile;
    private final MemoryKind memory;
    private final Path compiledCacheDir;

    private SandboxOptions(Builder b) {
        this.cacheCapacity = b.cacheCapacity;
        this.maxCompileBytes = b.maxCompileBytes;
        this.compile = b.compile;
        this.memory = b.memory;
        this.compiledCacheDir = b.compiledCacheDir;
    }

    public static SandboxOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How many loaded programs (by ETag) stay cached. */
    public int cacheCapacity() {
        return cacheCapacity;
    }

    /** Modules larger than this run interpreted instead of being compiled. */
    public long maxCompileBytes() {
        return maxCompileBytes;
    }

    /** False forces the interpreter for every program. */
    public boolean compile() {
        return compile;
    }

    /**
     * How program memory is held: {@link MemoryKind#LINEAR} by default; system property
     * {@code zerostore.sandbox.memory} (a {@link MemoryKind} name) sets the default.
     */
    public MemoryKind memory() {
        return memory;
    }

    /**
     * A directory where compiled modules are kept across JVMs (keyed by the program's SHA-256),
     * or null (default) for none; see {@code codegen.CompiledCache}. Must be private to the node.
     */
    public Path compiledCacheDir() {
        return compiledCacheDir;
    }

    /** Builder for {@link SandboxOptions}. */
    public static final class Builder {
        private int cacheCapacity = 64;
        private long maxCompileBytes = 64L << 20;
        private boolean compile = true;
        private Path compiledCacheDir;
        private MemoryKind memory = MemoryKind.valueOf(
                System.getProperty("zerostore.sandbox.memory", MemoryKind.LINEAR.name()));

        public Builder cacheCapacity(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("cacheCapacity < 0");
            }
            this.cacheCapacity = n;
            return this;
        }

        public Builder maxCompileBytes(long n) {
            this.maxCompileBytes = n;
            return this;
        }

        public Builder compile(boolean on) {
            this.compile = on;
            return this;
        }

        public Builder compiledCacheDir(Path dir) {
            this.compiledCacheDir = dir;
            return this;
        }

        public Builder memory(MemoryKind kind) {
            this.memory = java.util.Objects.requireNonNull(kind);
            return this;
        }

        public SandboxOptions build() {
            return new SandboxOptions(this);
        }
    }
}
