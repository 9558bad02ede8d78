package io.zerostore.sandbox;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import java.util.function.Function;

/**
 * A loaded program: the decoded module, its validation verdict, and (when compiled) the machine
 * factory that makes new instances without compiling again. Immutable and shareable between
 * threads; {@link Sandbox#load} caches programs by {@link #etag()}.
 */
public final class Program {
    private final String etag;
    private final long sizeBytes;
    private final WasmModule module;
    private final Function<Instance, Machine> machineFactory;
    private final Engine engine;
    private final ValidationState validation;
    private final String validationMessage;
    private final int initialPages;
    private final int maximumPages;
    private final long compileNanos;

    Program(String etag, long sizeBytes, WasmModule module, Function<Instance, Machine> factory,
            Engine engine, ValidationState validation, String validationMessage, int initialPages,
            int maximumPages, long compileNanos) {
        this.etag = etag;
        this.sizeBytes = sizeBytes;
        this.module = module;
        this.machineFactory = factory;
        this.engine = engine;
        this.validation = validation;
        this.validationMessage = validationMessage;
        this.initialPages = initialPages;
        this.maximumPages = maximumPages;
        this.compileNanos = compileNanos;
    }

    /** The content hash (hex MD5, like a Swift object's ETag) or the ETag the caller gave. */
    public String etag() {
        return etag;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    /** The decoded module; null when decoding failed. */
    public WasmModule module() {
        return module;
    }

    /** The compiled machine factory; null when the program runs interpreted. */
    public Function<Instance, Machine> machineFactory() {
        return machineFactory;
    }

    public Engine engine() {
        return engine;
    }

    public ValidationState validation() {
        return validation;
    }

    /** Why validation failed, or "" when it did not. */
    public String validationMessage() {
        return validationMessage;
    }

    public boolean runnable() {
        return validation != ValidationState.FAILED;
    }

    /** Memory pages (64 KiB) the module asks for at start. */
    public int initialPages() {
        return initialPages;
    }

    /** The module's declared maximum pages, or -1 when it declares none. */
    public int maximumPages() {
        return maximumPages;
    }

    /** Time spent compiling this program when it was loaded (0 when interpreted). */
    public long compileNanos() {
        return compileNanos;
    }

    @Override
    public String toString() {
        return "Program[" + etag + ", " + engine + ", " + validation + "]";
    }
}
