package io.zerostore.bench;

import io.netty.handler.codec.http.HttpMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The first page of a container listing, timed until the whole response arrived. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "GET container?limit=N repeatedly; latency = time to the complete response (default c=1, 10 s)")
final class ListCommand extends WorkloadCommand {
    @Option(names = "--limit", defaultValue = "10000", description = "page size (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--format", defaultValue = "json", description = "json, xml or plain (default: ${DEFAULT-VALUE})")
    String format;

    @Override
    String workload() {
        return "list";
    }

    @Override
    RunPlan plan() {
        return load.plan(1, 10, 0, 0);
    }

    @Override
    RequestFactory prepare(SwiftSession session) {
        String path = session.path(target.container) + "?limit=" + limit + "&format=" + format;
        return seq -> Request.bodiless(HttpMethod.GET, path, null);
    }
}
