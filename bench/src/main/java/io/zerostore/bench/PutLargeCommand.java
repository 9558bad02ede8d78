package io.zerostore.bench;

import io.netty.handler.codec.http.HttpMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** One large object streamed from the payload block, repeated (each PUT overwrites it). */
@Command(name = "put-large", mixinStandardHelpOptions = true,
    description = "single-stream PUT of a large object generated on the fly (default 256MiB, c=1, 3 times)")
final class PutLargeCommand extends WorkloadCommand {
    @Option(names = {"-s", "--size"}, defaultValue = "256MiB", converter = ByteSize.class,
        description = "object size (default: ${DEFAULT-VALUE})")
    long size;

    @Option(names = "--object", defaultValue = "large", description = "object name (default: ${DEFAULT-VALUE})")
    String object;

    @Option(names = "--verify", description = "check the response ETag against the MD5 of what was sent")
    boolean verify;

    @Override
    String workload() {
        return "put-large";
    }

    @Override
    RunPlan plan() {
        return load.plan(1, 0, 0, 3);
    }

    @Override
    Long objectSize() {
        return size;
    }

    @Override
    RequestFactory prepare(SwiftSession session) throws Exception {
        TempAuth.ensureContainer(session, target.container);
        PayloadBlock block = new PayloadBlock(size);
        String etag = verify ? block.md5Hex(size) : null;
        String path = session.path(target.container, object);
        return seq -> new Request(HttpMethod.PUT, path, object, null,
            new GeneratedBody(block, size), size, false, etag);
    }
}
