package io.zerostore.sandbox;

import io.zerostore.sandbox.channel.Channel;
import io.zerostore.sandbox.channel.ChannelBinding;
import io.zerostore.sandbox.channel.IoShield;
import io.zerostore.sandbox.image.TarImage;
import io.zerostore.sandbox.manifest.Nvram;
import io.zerostore.sandbox.manifest.NvramParser;
import io.zerostore.sandbox.wasi.FileSystem;
import io.zerostore.sandbox.wasi.WasiHost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an {@link Execution} into what the program will see: the channels with their quotas,
 * the file system (channels at their aliases, images mounted), argv, environment and clock —
 * merging a ZRT nvram (given, or read from a declared {@code /dev/nvram}) under the caller's
 * explicit settings.
 */
final class RunSetup {
    /** Largest nvram file read from /dev/nvram. */
    private static final int MAX_NVRAM = 64 * 1024;

    final List<Channel> channels = new ArrayList<>();
    final FileSystem fs = new FileSystem();
    WasiHost host;

    /** Builds everything; throws {@link SandboxException} for a job that cannot be set up. */
    void build(Execution e, IoShield shield) {
        Map<String, Channel> byAlias = new LinkedHashMap<>();
        for (Execution.Binding b : e.channels()) {
            Channel ch;
            try {
                ch = new Channel(b.spec(), b.binding(), e.fileSizeLimit());
            } catch (IllegalArgumentException ex) {
                throw new SandboxException(ex.getMessage(), ex);
            }
            ch.shieldWith(shield);
            if (byAlias.putIfAbsent(b.spec().alias(), ch) != null) {
                throw new SandboxException("duplicate channel alias: " + b.spec().alias());
            }
            channels.add(ch);
        }
        Nvram nvram = e.nvram() != null ? e.nvram() : readNvram(byAlias.get("/dev/nvram"));
        Map<String, String> modes = new LinkedHashMap<>(nvram.mapping());
        modes.putAll(e.modes());
        for (Channel ch : channels) {
            try {
                fs.addChannel(ch, modes.get(ch.spec().alias()));
            } catch (IllegalArgumentException ex) {
                throw new SandboxException(ex.getMessage(), ex);
            }
        }
        Map<String, String> mounts = new LinkedHashMap<>();
        nvram.fstab().forEach(m -> mounts.put(m.channel(), m.mountPoint()));
        mounts.putAll(e.mounts());
        mounts.forEach((alias, point) -> mount(byAlias.get(alias), alias, point));

        List<String> args = !e.args().isEmpty() ? e.args()
                : !nvram.args().isEmpty() ? nvram.args() : List.of("program");
        Map<String, String> env = new LinkedHashMap<>(nvram.env());
        env.putAll(e.env());
        long epoch = nvram.timeSeconds() != null && e.epochNanos()
                == io.zerostore.sandbox.wasi.DeterministicClock.DEFAULT_EPOCH_NANOS
                ? nvram.timeSeconds() * 1_000_000_000L : e.epochNanos();
        host = WasiHost.builder(fs).args(args).env(env).epochNanos(epoch).seed(e.seed())
                .shield(shield).tracer(e.tracer()).build();
    }

    private void mount(Channel ch, String alias, String point) {
        if (ch == null) {
            throw new SandboxException("image channel " + alias + " is not declared");
        }
        if (!point.startsWith("/")) {
            throw new SandboxException("mount point must be absolute: " + point);
        }
        try {
            fs.mount(TarImage.index(ch.binding()), point);
        } catch (IOException ex) {
            throw new SandboxException("image " + alias + ": " + ex.getMessage(), ex);
        }
    }

    private static Nvram readNvram(Channel ch) {
        if (ch == null || !ch.binding().canReadAt()) {
            return Nvram.EMPTY;
        }
        ChannelBinding b = ch.binding();
        byte[] buf = new byte[MAX_NVRAM];
        int total = 0;
        try {
            while (total < buf.length) {
                int n = b.readAt(total, buf, total, buf.length - total);
                if (n < 0) {
                    break;
                }
                total += n;
            }
        } catch (IOException ex) {
            throw new SandboxException("cannot read /dev/nvram: " + ex.getMessage(), ex);
        }
        return NvramParser.parse(new String(buf, 0, total, StandardCharsets.UTF_8));
    }

    /** Closes every binding; returns the first failure (the run is over either way). */
    static IOException closeAll(List<Execution.Binding> bindings) {
        IOException first = null;
        for (Execution.Binding b : bindings) {
            try {
                b.binding().close();
            } catch (IOException | RuntimeException ex) {
                if (first == null) {
                    first = ex instanceof IOException io ? io : new IOException(ex);
                }
            }
        }
        return first;
    }
}
