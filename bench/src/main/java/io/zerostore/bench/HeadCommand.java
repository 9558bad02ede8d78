package io.zerostore.bench;

import io.netty.handler.codec.http.HttpMethod;
import picocli.CommandLine.Command;

@Command(name = "head", mixinStandardHelpOptions = true,
    description = "HEAD existing objects (default c=16, 10 s, 1 s warm-up)")
final class HeadCommand extends ReadCommand {
    @Override
    HttpMethod method() {
        return HttpMethod.HEAD;
    }
}
