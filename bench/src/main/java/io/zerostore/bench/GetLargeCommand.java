package io.zerostore.bench;

import io.netty.handler.codec.http.HttpMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** One large object read as a single stream; bytes are counted and dropped as they arrive. */
@Command(name = "get-large", mixinStandardHelpOptions = true,
    description = "single-stream GET of one object, body discarded (default c=1, 3 times)")
final class GetLargeCommand extends WorkloadCommand {
    @Option(names = "--object", defaultValue = "large", description = "object name (default: ${DEFAULT-VALUE})")
    String object;

    @Option(names = "--verify", description = "MD5 the received bytes and compare with the ETag (costs client CPU)")
    boolean verify;

    @Override
    String workload() {
        return "get-large";
    }

    @Override
    RunPlan plan() {
        return load.plan(1, 0, 0, 3);
    }

    @Override
    RequestFactory prepare(SwiftSession session) {
        String path = session.path(target.container, object);
        return seq -> new Request(HttpMethod.GET, path, object, null, null, 0, verify, null);
    }
}
