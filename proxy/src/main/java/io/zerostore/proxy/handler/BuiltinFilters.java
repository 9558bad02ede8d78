package io.zerostore.proxy.handler;

import io.zerostore.common.config.ConfSection;
import io.zerostore.common.metrics.Metrics;
import io.zerostore.common.pipeline.FilterFactory;
import io.zerostore.common.pipeline.ServerRole;
import io.zerostore.proxy.auth.TempAuthConfig;
import io.zerostore.proxy.auth.TokenStore;
import io.zerostore.proxy.controller.Capabilities;
import io.zerostore.proxy.controller.ProxyApp;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The proxy's own filters by their pipeline names (Swift's names, with {@code proxy_logging} for
 * proxy-logging). Each reads its {@code [filter:<name>]} section; shared objects (the app for
 * sub-requests, the capabilities for /info, the access-log sink) come from the services.
 */
public final class BuiltinFilters {
    private BuiltinFilters() {}

    public static List<FilterFactory> all() {
        return List.of(
                factory("catch_errors", c -> new CatchErrorsFilter(c.section().get("trans_id_suffix", ""))),
                factory("gatekeeper", c -> new GatekeeperFilter()),
                factory("healthcheck", c -> {
                    String p = c.section().get("disable_path", "");
                    return new HealthcheckFilter(p.isEmpty() ? null : Path.of(p));
                }),
                factory("proxy_logging", c -> {
                    String file = c.section().get("access_log_file", "");
                    AccessLogSink sink = file.isEmpty() ? AccessLogSink.logger() : AccessLogSink.file(Path.of(file));
                    c.service(Registry.class).ifPresent(r -> r.closeables().add(sink));
                    return new ProxyLoggingFilter(sink, Metrics.registry());
                }),
                factory("tempauth", c -> {
                    ConfSection s = c.section();
                    TokenStore tokens = c.service(TokenStore.class).orElseGet(TokenStore::new);
                    c.service(Capabilities.class).ifPresent(caps ->
                            caps.register("tempauth", Map.of("account_acls", false)));
                    return new TempAuthFilter(TempAuthConfig.from(s), tokens);
                }),
                factory("copy", c -> new CopyFilter(c.services().require(ProxyApp.class))));
    }

    /** Things the server closes when it stops (the access-log writer). */
    public record Registry(List<AutoCloseable> closeables) {}

    private static FilterFactory factory(String name, FilterFactory.Maker maker) {
        return FilterFactory.of(name, Set.of(ServerRole.PROXY), maker);
    }
}
