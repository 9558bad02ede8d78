package io.zerostore.bench;

import java.io.IOException;
import java.net.URI;
import picocli.CommandLine.Option;

/** Where to send load and how to log in (TempAuth v1.0, the same for Swift and Zerostore). */
final class TargetOptions {
    @Option(names = {"-A", "--auth-url"}, defaultValue = "http://127.0.0.1:8080/auth/v1.0",
        description = "TempAuth URL (default: ${DEFAULT-VALUE})")
    URI authUrl;

    @Option(names = {"-U", "--user"}, defaultValue = "test:tester", description = "account:user (default: ${DEFAULT-VALUE})")
    String user;

    @Option(names = {"-K", "--key"}, defaultValue = "testing", description = "key (default: ${DEFAULT-VALUE})")
    String key;

    @Option(names = "--container", defaultValue = "bench", description = "container (default: ${DEFAULT-VALUE})")
    String container;

    SwiftSession login() throws IOException, InterruptedException {
        return TempAuth.login(authUrl, user, key);
    }
}
