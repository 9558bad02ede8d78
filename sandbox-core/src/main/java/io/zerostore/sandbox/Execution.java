package io.zerostore.sandbox;

import io.zerostore.sandbox.channel.ChannelBinding;
import io.zerostore.sandbox.channel.ChannelSpec;
import io.zerostore.sandbox.channel.ChannelType;
import io.zerostore.sandbox.manifest.Nvram;
import io.zerostore.sandbox.wasi.DeterministicClock;
import io.zerostore.sandbox.wasi.Tracer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one run needs: the program, its channels (declaration + host side), argv, the
 * environment, image mounts, limits and the deterministic seed. Built programmatically by the job
 * executor, or from a manifest by {@link io.zerostore.sandbox.manifest.ManifestExecution}.
 * Immutable once built; the bindings it holds are closed by the run.
 */
public final class Execution {
    /** One declared channel and its host side. */
    public record Binding(ChannelSpec spec, ChannelBinding binding) {
        public Binding {
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(binding, "binding");
        }
    }

    /** Default wall-clock limit (ZeroVM manifests commonly said 50 s; we round up). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** Default memory limit for the program's linear memory. */
    public static final long DEFAULT_MEMORY = 256L << 20;

    private final Program program;
    private final List<Binding> channels;
    private final List<String> args;
    private final Map<String, String> env;
    private final Map<String, String> mounts;
    private final Map<String, String> modes;
    private final Nvram nvram;
    private final Duration timeout;
    private final long memoryLimit;
    private final long seed;
    private final long epochNanos;
    private final long fileSizeLimit;
    private final boolean setupOnly;
    private final Tracer tracer;

    private Execution(Builder b) {
        this.program = Objects.requireNonNull(b.program, "program");
        this.channels = List.copyOf(b.channels);
        this.args = List.copyOf(b.args);
        this.env = Map.copyOf(b.env);
        this.mounts = Map.copyOf(b.mounts);
        this.modes = Map.copyOf(b.modes);
        this.nvram = b.nvram;
        this.timeout = b.timeout;
        this.memoryLimit = b.memoryLimit;
        this.seed = b.seed;
        this.epochNanos = b.epochNanos;
        this.fileSizeLimit = b.fileSizeLimit;
        this.setupOnly = b.setupOnly;
        this.tracer = b.tracer;
        if (channels.size() > ChannelSpec.MAX_CHANNELS) {
            throw new SandboxException("too many channels: " + channels.size() + " > "
                    + ChannelSpec.MAX_CHANNELS);
        }
    }

    public static Builder builder(Program program) {
        return new Builder(program);
    }

    public Program program() {
        return program;
    }

    public List<Binding> channels() {
        return channels;
    }

    /** argv, argv[0] first; empty means {@code ["program"]} unless an nvram gives args. */
    public List<String> args() {
        return args;
    }

    public Map<String, String> env() {
        return env;
    }

    /** Image channel alias → mount point (ZRT's fstab). */
    public Map<String, String> mounts() {
        return mounts;
    }

    /** Channel alias → how stat shows it: file, char, pipe or block (ZRT's mapping). */
    public Map<String, String> modes() {
        return modes;
    }

    /** An nvram given by the caller (else /dev/nvram is read if declared), or null. */
    public Nvram nvram() {
        return nvram;
    }

    public Duration timeout() {
        return timeout;
    }

    public long memoryLimit() {
        return memoryLimit;
    }

    public long seed() {
        return seed;
    }

    public long epochNanos() {
        return epochNanos;
    }

    public long fileSizeLimit() {
        return fileSizeLimit;
    }

    /** ZeroVM's {@code -F}: validate and set everything up, but do not run the program. */
    public boolean setupOnly() {
        return setupOnly;
    }

    public Tracer tracer() {
        return tracer;
    }

    /** Builder; every setting has a default except the program. */
    public static final class Builder {
        private final Program program;
        private final List<Binding> channels = new ArrayList<>();
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private final Map<String, String> mounts = new LinkedHashMap<>();
        private final Map<String, String> modes = new LinkedHashMap<>();
        private Nvram nvram;
        private Duration timeout = DEFAULT_TIMEOUT;
        private long memoryLimit = DEFAULT_MEMORY;
        private long seed;
        private long epochNanos = DeterministicClock.DEFAULT_EPOCH_NANOS;
        private long fileSizeLimit = Long.MAX_VALUE;
        private boolean setupOnly;
        private Tracer tracer;

        private Builder(Program program) {
            this.program = program;
        }

        public Builder channel(ChannelSpec spec, ChannelBinding binding) {
            channels.add(new Binding(spec, binding));
            return this;
        }

        /** A sequential input at {@code alias} (e.g. /dev/stdin) with no limits to speak of. */
        public Builder input(String alias, ChannelBinding binding) {
            return channel(ChannelSpec.input(alias, ChannelSpec.MAX_LIMIT), binding);
        }

        /** A sequential output at {@code alias} limited to {@code maxBytes}. */
        public Builder output(String alias, ChannelBinding binding, long maxBytes) {
            return channel(ChannelSpec.output(alias, maxBytes), binding);
        }

        /** A tar image channel at {@code alias}, mounted read-only at {@code mountPoint}. */
        public Builder image(String alias, ChannelBinding tar, String mountPoint) {
            channel(new ChannelSpec(alias, alias, ChannelType.RANDOM_READ_SEQUENTIAL_WRITE, false,
                    ChannelSpec.MAX_LIMIT, ChannelSpec.MAX_LIMIT, 0, 0), tar);
            mounts.put(alias, mountPoint);
            return this;
        }

        public Builder mount(String channelAlias, String mountPoint) {
            mounts.put(channelAlias, mountPoint);
            return this;
        }

        public Builder mode(String channelAlias, String mode) {
            modes.put(channelAlias, mode);
            return this;
        }

        public Builder args(List<String> argv) {
            args.clear();
            args.addAll(argv);
            return this;
        }

        public Builder args(String... argv) {
            return args(List.of(argv));
        }

        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        public Builder env(Map<String, String> vars) {
            env.putAll(vars);
            return this;
        }

        public Builder nvram(Nvram n) {
            this.nvram = n;
            return this;
        }

        public Builder timeout(Duration t) {
            if (t.isNegative() || t.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.timeout = t;
            return this;
        }

        public Builder memoryLimit(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("memory limit must be positive");
            }
            this.memoryLimit = bytes;
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public Builder epochNanos(long nanos) {
            this.epochNanos = nanos;
            return this;
        }

        public Builder fileSizeLimit(long bytes) {
            this.fileSizeLimit = bytes;
            return this;
        }

        public Builder setupOnly(boolean on) {
            this.setupOnly = on;
            return this;
        }

        public Builder tracer(Tracer t) {
            this.tracer = t;
            return this;
        }

        public Execution build() {
            return new Execution(this);
        }
    }
}
