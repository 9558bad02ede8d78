package io.zerostore.bench;

import io.netty.handler.codec.http.HttpMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** GET or HEAD over a list of existing objects, round-robin so connections hit distinct ones. */
abstract class ReadCommand extends WorkloadCommand {
    @Option(names = "--names-in", required = true, description = "file of object names, one a line (from put --names-out)")
    Path namesIn;

    abstract HttpMethod method();

    @Override
    String workload() {
        return method().name().toLowerCase(Locale.ROOT);
    }

    @Override
    RunPlan plan() {
        return load.plan(16, 10, 1, 0);
    }

    @Override
    RequestFactory prepare(SwiftSession session) throws Exception {
        List<String> names = Files.readAllLines(namesIn).stream().filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no names in " + namesIn);
        }
        String base = session.path(target.container) + "/";
        String[] paths = names.stream().map(n -> base + PathEncoding.encode(n)).toArray(String[]::new);
        HttpMethod method = method();
        return seq -> {
            int i = (int) (seq % paths.length);
            return Request.bodiless(method, paths[i], names.get(i));
        };
    }
}
