package io.zerostore.bench;

import io.netty.handler.codec.http.HttpMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Small objects with unique names, bodies cut from the payload block. */
@Command(name = "put", mixinStandardHelpOptions = true,
    description = "PUT fixed-size objects with unique names (default c=16, 10 s, 1 s warm-up)")
final class PutCommand extends WorkloadCommand {
    @Option(names = {"-s", "--size"}, defaultValue = "4KiB", converter = ByteSize.class,
        description = "object size, at most 1MiB (default: ${DEFAULT-VALUE})")
    long size;

    @Option(names = "--prefix", defaultValue = "o", description = "object name prefix")
    String prefix;

    @Option(names = "--names-out", description = "write the names of the objects created to this file")
    Path namesOut;

    @Option(names = "--verify", description = "check each response ETag against the body's MD5")
    boolean verify;

    @Override
    String workload() {
        return "put";
    }

    @Override
    RunPlan plan() {
        return load.plan(16, 10, 1, 0);
    }

    @Override
    Long objectSize() {
        return size;
    }

    @Override
    RequestFactory prepare(SwiftSession session) throws Exception {
        if (size > PayloadBlock.SIZE) {
            throw new IllegalArgumentException("put sends bodies up to 1MiB; use put-large");
        }
        TempAuth.ensureContainer(session, target.container);
        PayloadBlock block = new PayloadBlock(size);
        String etag = verify ? block.md5Hex(size) : null;
        String run = Long.toString(System.currentTimeMillis(), 36);
        String base = session.path(target.container) + "/";
        return seq -> {
            String name = String.format("%s-%s-%08d", prefix, run, seq);
            return new Request(HttpMethod.PUT, base + PathEncoding.encode(name), name,
                block.slice((int) size), null, 0, false, etag);
        };
    }

    @Override
    void finished(RunResult result) throws Exception {
        if (namesOut != null) {
            Files.write(namesOut, result.written());
        }
    }
}
