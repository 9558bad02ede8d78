package io.zerostore.bench;

import io.netty.handler.codec.http.HttpMethod;
import picocli.CommandLine.Command;

@Command(name = "get", mixinStandardHelpOptions = true,
    description = "GET existing objects (default c=16, 10 s, 1 s warm-up)")
final class GetCommand extends ReadCommand {
    @Override
    HttpMethod method() {
        return HttpMethod.GET;
    }
}
