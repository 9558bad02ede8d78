package io.zerostore.sandbox;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.zerostore.sandbox.codegen.CompiledCache;
import io.zerostore.sandbox.codegen.ModuleCompiler;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Function;

/**
 * The {@link Sandbox} on Chicory: modules are compiled to JVM bytecode by Chicory's runtime
 * compiler (functions too large for one JVM method stay interpreted), with the whole module
 * falling back to the interpreter when compiling fails or the module is larger than
 * {@link SandboxOptions#maxCompileBytes()}. Loaded programs are cached by ETag, so a repeated
 * job instantiates from the cached machine factory without compiling again.
 *
 * <p>Deploy note: HotSpot does not JIT methods above 8000 bytecodes unless started with
 * {@code -XX:-DontCompileHugeMethods}; big interpreters (Lua) compiled to bytecode need it.
 */
public final class ChicorySandbox implements Sandbox {
    private final SandboxOptions options;
    private final ProgramCache cache;
    private final Watchdog watchdog = new Watchdog();
    private final CompiledCache compiledCache;

    public ChicorySandbox() {
        this(SandboxOptions.defaults());
    }

    public ChicorySandbox(SandboxOptions options) {
        this.options = Objects.requireNonNull(options);
        this.cache = new ProgramCache(options.cacheCapacity());
        this.compiledCache = options.compiledCacheDir() == null ? null : new CompiledCache(options.compiledCacheDir());
    }

    @Override
    public Program load(byte[] wasm, String etag) {
        String key = etag != null ? etag : md5(wasm);
        return cache.get(key, () -> prepare(key, wasm, ProgramValidator.validate(wasm)));
    }

    @Override
    public Program loadTrusted(byte[] wasm, String etag) {
        String key = etag != null ? etag : md5(wasm);
        return cache.get("trusted:" + key, () -> prepare(key, wasm, ProgramValidator.decodeOnly(wasm)));
    }

    @Override
    public Report run(Execution execution) {
        return new InstanceRun(execution, watchdog, options.memory()).run();
    }

    /** Programs currently cached. */
    public int cachedPrograms() {
        return cache.size();
    }

    /** Loads answered from the cache since this sandbox started. */
    public long cacheHits() {
        return cache.hits();
    }

    /** Forgets every cached program (compiled classes are collected with them). */
    public void clearCache() {
        cache.clear();
    }

    @Override
    public void close() {
        watchdog.close();
        cache.clear();
    }

    private Program prepare(String etag, byte[] wasm, ProgramValidator.Result v) {
        WasmModule m = v.module();
        if (m == null || v.state() == ValidationState.FAILED) {
            return new Program(etag, wasm.length, m, null, Engine.INTERPRETED, ValidationState.FAILED,
                    v.message(), 0, -1, 0);
        }
        int initial = 0;
        int maximum = -1;
        if (m.memorySection().isPresent() && m.memorySection().get().memoryCount() > 0) {
            MemoryLimits l = m.memorySection().get().getMemory(0).limits();
            initial = l.initialPages();
            maximum = l.maximumPages() >= MemoryLimits.MAX_PAGES ? -1 : l.maximumPages();
        }
        Function<Instance, Machine> factory = null;
        long compileNanos = 0;
        if (options.compile() && wasm.length <= options.maxCompileBytes()) {
            long t0 = System.nanoTime();
            try {
                factory = Boolean.getBoolean("zerostore.sandbox.stockCompiler")
                        ? MachineFactoryCompiler.builder(m).withInterpreterFallback(InterpreterFallback.SILENT).compile()
                        : compile(m, wasm);
                compileNanos = System.nanoTime() - t0;
            } catch (RuntimeException | LinkageError e) {
                factory = null; // the interpreter runs it instead
            }
        }
        return new Program(etag, wasm.length, m, factory,
                factory != null ? Engine.COMPILED : Engine.INTERPRETED, v.state(), v.message(),
                initial, maximum, compileNanos);
    }

    /** Compiles, or loads the classes compiled by an earlier JVM from the compiled-module cache. */
    private Function<Instance, Machine> compile(WasmModule m, byte[] wasm) {
        if (compiledCache == null) {
            return ModuleCompiler.compile(m);
        }
        String key = CompiledCache.key(wasm);
        ModuleCompiler.Classes cached = compiledCache.read(key);
        if (cached != null) {
            try {
                return ModuleCompiler.load(cached);
            } catch (RuntimeException | LinkageError e) {
                // damaged entry: compile again and replace it
            }
        }
        ModuleCompiler.Classes fresh = ModuleCompiler.generate(m);
        Function<Instance, Machine> factory = ModuleCompiler.load(fresh);
        compiledCache.write(key, fresh);
        return factory;
    }

    static String md5(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
