package io.zerostore.sandbox.manifest;

import io.zerostore.sandbox.Execution;
import io.zerostore.sandbox.Program;
import io.zerostore.sandbox.SandboxException;
import io.zerostore.sandbox.channel.ChannelBinding;
import io.zerostore.sandbox.channel.ChannelSpec;
import io.zerostore.sandbox.channel.FileBinding;
import io.zerostore.sandbox.channel.FileRegionBinding;
import io.zerostore.sandbox.channel.NullBinding;
import io.zerostore.sandbox.channel.StreamSinkBinding;
import io.zerostore.sandbox.channel.StreamSourceBinding;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link Manifest} into an {@link Execution}: its Timeout and Memory become the limits,
 * and each channel's uri is given a host side by a {@link BindingResolver}.
 */
public final class ManifestExecution {
    private ManifestExecution() {
    }

    /** Opens the host side of one declared channel. */
    @FunctionalInterface
    public interface BindingResolver {
        ChannelBinding resolve(ChannelSpec spec) throws IOException;
    }

    /**
     * Builds the execution; on failure every binding opened so far is closed again and a
     * {@link SandboxException} names the channel.
     */
    public static Execution.Builder toExecution(Manifest m, Program program, BindingResolver resolver) {
        Execution.Builder b = Execution.builder(program)
                .timeout(Duration.ofSeconds(m.timeoutSeconds()))
                .memoryLimit(m.memoryBytes());
        List<ChannelBinding> opened = new ArrayList<>();
        try {
            for (ChannelSpec spec : m.channels()) {
                ChannelBinding binding = resolver.resolve(spec);
                opened.add(binding);
                b.channel(spec, binding);
            }
        } catch (IOException | RuntimeException e) {
            for (ChannelBinding c : opened) {
                try {
                    c.close();
                } catch (IOException ignored) {
                    // already failing; the first error is the one to report
                }
            }
            if (e instanceof SandboxException se) {
                throw se;
            }
            throw new SandboxException("cannot open channel: " + e.getMessage(), e);
        }
        return b;
    }

    /**
     * The CLI's resolver, as ZeroVM's host side: {@code /dev/stdin}, {@code /dev/stdout},
     * {@code /dev/stderr} are the given streams (left open), {@code /dev/null} is a sink and an
     * empty source, any other uri is a host file — read in place when the channel is read-only,
     * created (truncated) when it is write-only, opened read-write otherwise. Network uris
     * ({@code tcp:}, {@code udp:}, {@code ipc:}) are refused: connect instances with pipes.
     */
    public static BindingResolver hostFiles(InputStream stdin, OutputStream stdout, OutputStream stderr) {
        return spec -> {
            String uri = spec.uri();
            switch (uri) {
                case "/dev/stdin":
                    return StreamSourceBinding.of(stdin, false);
                case "/dev/stdout":
                    return StreamSinkBinding.of(stdout, false);
                case "/dev/stderr":
                    return StreamSinkBinding.of(stderr, false);
                case "/dev/null":
                    return new NullBinding();
                default:
                    break;
            }
            if (uri.matches("^(tcp|udp|ipc):.*")) {
                throw new SandboxException("network channel " + uri + " is not supported");
            }
            Path path = Path.of(uri);
            if (spec.readable() && !spec.writable()) {
                return FileRegionBinding.open(path);
            }
            if (!spec.readable()) {
                return FileBinding.create(path);
            }
            return FileBinding.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        };
    }
}
