package io.zerostore.sandbox.manifest;

import io.zerostore.sandbox.channel.ChannelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A ZeroVM manifest: the plain-text description of one run ({@code Version}, {@code Program},
 * {@code Timeout}, {@code Memory}, {@code Channel} lines, and the optional {@code Node},
 * {@code Job}, {@code NameServer}, {@code Broker}). Parse with {@link ManifestParser}, print with
 * {@link #toText()}; printing then parsing gives an equal manifest.
 */
public final class Manifest {
    /** The only manifest version ZeroVM accepted (and so do we). */
    public static final String VERSION = "20130611";

    private final String program;
    private final long timeoutSeconds;
    private final long memoryBytes;
    private final boolean memoryEtag;
    private final List<ChannelSpec> channels;
    private final Integer node;
    private final String job;
    private final String nameServer;
    private final String broker;

    private Manifest(Builder b) {
        this.program = Objects.requireNonNull(b.program, "Program");
        this.timeoutSeconds = b.timeoutSeconds;
        this.memoryBytes = b.memoryBytes;
        this.memoryEtag = b.memoryEtag;
        this.channels = List.copyOf(b.channels);
        this.node = b.node;
        this.job = b.job;
        this.nameServer = b.nameServer;
        this.broker = b.broker;
    }

    public static Builder builder(String program) {
        return new Builder(program);
    }

    public String program() {
        return program;
    }

    public long timeoutSeconds() {
        return timeoutSeconds;
    }

    public long memoryBytes() {
        return memoryBytes;
    }

    /** ZeroVM's memory-etag flag (a checksum of the program's memory at exit); parsed, not computed. */
    public boolean memoryEtag() {
        return memoryEtag;
    }

    public List<ChannelSpec> channels() {
        return channels;
    }

    /** The node number within a job, or null. */
    public Integer node() {
        return node;
    }

    /** ZeroVM's daemon-mode job socket, or null (kept for printing; not used by this sandbox). */
    public String job() {
        return job;
    }

    /** The name server of a ZeroVM cluster, or null (kept for printing). */
    public String nameServer() {
        return nameServer;
    }

    public String broker() {
        return broker;
    }

    /** The manifest in ZeroVM's format, one {@code Key = value} per line. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        line(sb, "Version", VERSION);
        line(sb, "Program", program);
        line(sb, "Timeout", Long.toString(timeoutSeconds));
        line(sb, "Memory", memoryBytes + "," + (memoryEtag ? 1 : 0));
        if (node != null) {
            line(sb, "Node", node.toString());
        }
        if (job != null) {
            line(sb, "Job", job);
        }
        if (nameServer != null) {
            line(sb, "NameServer", nameServer);
        }
        if (broker != null) {
            line(sb, "Broker", broker);
        }
        for (ChannelSpec c : channels) {
            line(sb, "Channel", c.toManifestValue());
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String key, String value) {
        sb.append(key).append(" = ").append(value).append('\n');
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Manifest m && m.toText().equals(toText());
    }

    @Override
    public int hashCode() {
        return toText().hashCode();
    }

    @Override
    public String toString() {
        return toText();
    }

    /** Builder; defaults: Timeout 50 s, Memory 256 MiB without etag, no channels. */
    public static final class Builder {
        private final String program;
        private long timeoutSeconds = 50;
        private long memoryBytes = 256L << 20;
        private boolean memoryEtag;
        private final List<ChannelSpec> channels = new ArrayList<>();
        private Integer node;
        private String job;
        private String nameServer;
        private String broker;

        private Builder(String program) {
            this.program = program;
        }

        public Builder timeoutSeconds(long s) {
            this.timeoutSeconds = s;
            return this;
        }

        public Builder memory(long bytes, boolean etag) {
            this.memoryBytes = bytes;
            this.memoryEtag = etag;
            return this;
        }

        public Builder channel(ChannelSpec c) {
            channels.add(c);
            return this;
        }

        public Builder node(Integer n) {
            this.node = n;
            return this;
        }

        public Builder job(String j) {
            this.job = j;
            return this;
        }

        public Builder nameServer(String ns) {
            this.nameServer = ns;
            return this;
        }

        public Builder broker(String b) {
            this.broker = b;
            return this;
        }

        public Manifest build() {
            return new Manifest(this);
        }
    }
}
