package io.zerostore.sandbox.wasi;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.types.FunctionType;
import io.zerostore.sandbox.channel.ChannelException;
import io.zerostore.sandbox.channel.IoShield;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Our WASI preview 1 layer for one run: the host functions of {@link WasiImports} implemented over
 * the run's {@link FileSystem} (channels + image), descriptor table, args, environment,
 * {@link DeterministicClock} and seeded random. Nothing here touches the host's real files,
 * clock or entropy. One instance serves one program on one thread.
 */
public final class WasiHost {
    /** Largest single transfer; bigger requests are served short, as POSIX allows. */
    static final int SCRATCH = 64 * 1024;

    final FileSystem fs;
    final FdTable fds = new FdTable();
    final DeterministicClock clock;
    final SplitMix64 random;
    final byte[][] args;
    final byte[][] env;
    private byte[] scratch;
    final IoShield shield;
    private final Tracer tracer;

    private WasiHost(Builder b) {
        this.fs = b.fs;
        this.clock = new DeterministicClock(b.epochNanos);
        this.random = new SplitMix64(b.seed);
        this.args = utf8(b.args);
        List<String> envStrings = new ArrayList<>();
        b.env.forEach((k, v) -> envStrings.add(k + "=" + v));
        this.env = utf8(envStrings);
        this.shield = b.shield;
        this.tracer = b.tracer;
        openStdio(0, "/dev/stdin");
        openStdio(1, "/dev/stdout");
        openStdio(2, "/dev/stderr");
        fds.set(FdTable.ROOT_FD, new OpenFile(fs.root(), true, false, true));
    }

    private void openStdio(int fd, String alias) {
        FileSystem.Found f = fs.resolve(fs.root(), alias);
        if (f.node() instanceof FsNode.ChannelFile cf) {
            fds.set(fd, new OpenFile(cf, cf.channel.spec().readable(),
                    cf.channel.spec().writable(), false));
        } else {
            fds.set(fd, null);
        }
    }

    /** The transfer buffer, allocated on first use (many programs never read). */
    byte[] scratch() {
        if (scratch == null) {
            scratch = new byte[SCRATCH];
        }
        return scratch;
    }

    private static byte[][] utf8(List<String> strings) {
        byte[][] out = new byte[strings.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = strings.get(i).getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    public static Builder builder(FileSystem fs) {
        return new Builder(fs);
    }

    /** Host functions for every allowed import, to give to the instance. */
    public List<HostFunction> functions() {
        Map<String, Handler> handlers = new HashMap<>();
        new FdCalls(this).register(handlers);
        new PathCalls(this).register(handlers);
        new ProcCalls(this).register(handlers);
        List<HostFunction> out = new ArrayList<>();
        for (Map.Entry<String, FunctionType> e : WasiImports.all().entrySet()) {
            Handler h = handlers.get(e.getKey());
            if (h == null) {
                throw new IllegalStateException("no handler for " + e.getKey());
            }
            out.add(new HostFunction(WasiImports.MODULE, e.getKey(), e.getValue(),
                    wrap(e.getKey(), h, e.getValue().returns().isEmpty())));
        }
        return out;
    }

    private com.dylibso.chicory.runtime.WasmFunctionHandle wrap(String name, Handler h,
            boolean noResult) {
        return (instance, a) -> {
            shield.checkpoint();
            int r;
            try {
                r = h.call(instance.memory(), a);
            } catch (WasmRuntimeException e) {
                r = Errno.FAULT; // a pointer outside the program's memory
            }
            if (tracer != null) {
                tracer.trace(name, a, r);
            }
            return noResult ? null : new long[] {r};
        };
    }

    /** One host call: reads its arguments, returns a WASI errno. */
    @FunctionalInterface
    interface Handler {
        int call(Memory m, long[] a);
    }

    /** The errno a program sees for a channel failure; an interrupt stops the run instead. */
    static int errno(ChannelException e) {
        return switch (e.kind()) {
            case QUOTA -> Errno.DQUOT;
            case NOT_PERMITTED -> Errno.BADF;
            case NOT_SEEKABLE -> Errno.SPIPE;
            case BROKEN_PIPE -> Errno.PIPE;
            case IO -> Errno.IO;
            case INTERRUPTED -> throw new ChicoryInterruptedException("interrupted in host call");
        };
    }

    /** Builds a host. Defaults: no args, no env, {@link DeterministicClock#DEFAULT_EPOCH_NANOS}, seed 0. */
    public static final class Builder {
        private final FileSystem fs;
        private List<String> args = List.of();
        private Map<String, String> env = Map.of();
        private long epochNanos = DeterministicClock.DEFAULT_EPOCH_NANOS;
        private long seed;
        private IoShield shield = IoShield.NONE;
        private Tracer tracer;

        private Builder(FileSystem fs) {
            this.fs = fs;
        }

        public Builder args(List<String> a) {
            this.args = List.copyOf(a);
            return this;
        }

        public Builder env(Map<String, String> e) {
            this.env = e;
            return this;
        }

        public Builder epochNanos(long nanos) {
            this.epochNanos = nanos;
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public Builder shield(IoShield s) {
            this.shield = s;
            return this;
        }

        public Builder tracer(Tracer t) {
            this.tracer = t;
            return this;
        }

        public WasiHost build() {
            return new WasiHost(this);
        }
    }
}
