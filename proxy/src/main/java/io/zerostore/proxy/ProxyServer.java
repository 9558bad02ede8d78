package io.zerostore.proxy;

import io.netty.channel.EventLoopGroup;
import io.zerostore.common.config.Conf;
import io.zerostore.common.http.EventLoops;
import io.zerostore.common.http.HttpServer;
import io.zerostore.common.http.client.ClientOptions;
import io.zerostore.common.http.client.HttpClient;
import io.zerostore.common.pipeline.Pipeline;
import io.zerostore.common.pipeline.PipelineBuilder;
import io.zerostore.common.pipeline.ServerRole;
import io.zerostore.common.pipeline.Services;
import io.zerostore.common.ring.ReloadingRing;
import io.zerostore.proxy.auth.TokenStore;
import io.zerostore.proxy.backend.BackendClient;
import io.zerostore.proxy.backend.ErrorLimiter;
import io.zerostore.proxy.controller.Capabilities;
import io.zerostore.proxy.controller.Constraints;
import io.zerostore.proxy.controller.ControllerContext;
import io.zerostore.proxy.controller.InfoCache;
import io.zerostore.proxy.controller.ProxyApp;
import io.zerostore.proxy.controller.Rings;
import io.zerostore.proxy.handler.BuiltinFilters;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The proxy process: loads the rings and the config, builds the pipeline (filters, then the
 * {@link ProxyApp}) and serves the Swift API. Server and backend connections share one set of
 * event loops.
 */
public final class ProxyServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ProxyServer.class.getName());

    private final EventLoopGroup loops;
    private final HttpClient http;
    private final HttpServer server;
    private final Pipeline pipeline;
    private final ErrorLimiter errors;
    private final TokenStore tokens;
    private final List<AutoCloseable> closeables;

    private ProxyServer(EventLoopGroup loops, HttpClient http, HttpServer server, Pipeline pipeline,
                        ErrorLimiter errors, TokenStore tokens, List<AutoCloseable> closeables) {
        this.loops = loops;
        this.http = http;
        this.server = server;
        this.pipeline = pipeline;
        this.errors = errors;
        this.tokens = tokens;
        this.closeables = closeables;
    }

    public static ProxyServer start(Path confFile) throws Exception {
        return start(Conf.load(confFile));
    }

    public static ProxyServer start(Conf conf) throws Exception {
        ProxyConfig cfg = ProxyConfig.from(conf);
        Rings rings = new Rings(ring(cfg, "account"), ring(cfg, "container"), ring(cfg, "object"), cfg.hashPath());
        EventLoopGroup loops = EventLoops.newGroup(cfg.ioThreads(), "proxy-io");
        HttpClient http = new HttpClient(loops,
                new ClientOptions(cfg.connTimeout(), cfg.nodeTimeout(), Duration.ofSeconds(60)));
        try {
            ErrorLimiter errors = new ErrorLimiter(cfg.errorSuppressionLimit(), cfg.errorSuppressionInterval());
            BackendClient client = new BackendClient(http, errors);
            InfoCache infoCache = new InfoCache(rings, client, cfg.settings());
            ControllerContext ctx = new ControllerContext(rings, client, cfg.settings(), infoCache);
            Capabilities capabilities = new Capabilities();
            capabilities.register("swift", swiftInfo(cfg));
            ProxyApp app = new ProxyApp(ctx, capabilities, cfg.exposeInfo(), cfg.disallowedSections());
            TokenStore tokens = new TokenStore();
            List<AutoCloseable> closeables = new ArrayList<>();
            Services services = new Services()
                    .register(ProxyApp.class, app)
                    .register(Capabilities.class, capabilities)
                    .register(TokenStore.class, tokens)
                    .register(ControllerContext.class, ctx)
                    .register(BuiltinFilters.Registry.class, new BuiltinFilters.Registry(closeables));
            PipelineBuilder builder = new PipelineBuilder(ServerRole.PROXY);
            BuiltinFilters.all().forEach(builder::builtin);
            Pipeline pipeline = builder.build(cfg.pipeline(), conf, services, app);
            HttpServer server = HttpServer.start(cfg.bindIp(), cfg.bindPort(), loops, false, pipeline);
            LOG.log(System.Logger.Level.INFO, "proxy listening on {0}, pipeline {1}", server.address(), pipeline.names());
            return new ProxyServer(loops, http, server, pipeline, errors, tokens, closeables);
        } catch (Exception | Error e) {
            http.close();
            loops.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
            throw e;
        }
    }

    private static ReloadingRing ring(ProxyConfig cfg, String kind) throws java.io.IOException {
        Path file = cfg.swiftDir().resolve(kind + ".ring.gz");
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new io.zerostore.common.config.ConfException("no " + kind + " ring at " + file
                    + " (swift_dir); build it with: zerostore ring " + cfg.swiftDir().resolve(kind + ".builder")
                    + " create|add|rebalance");
        }
        return ReloadingRing.open(file, cfg.ringCheckInterval());
    }

    private static Map<String, Object> swiftInfo(ProxyConfig cfg) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", "2.30.1");
        m.put("strict_cors_mode", cfg.settings().strictCorsMode());
        m.put("policies", List.of(cfg.settings().policy().info()));
        m.put("allow_account_management", cfg.settings().allowAccountManagement());
        m.put("account_autocreate", cfg.settings().accountAutocreate());
        m.putAll(Constraints.info());
        return m;
    }

    public int port() {
        return server.port();
    }

    public InetSocketAddress address() {
        return server.address();
    }

    /** The filters in order, as configured (optional ones that are absent left out). */
    public List<String> pipelineNames() {
        return pipeline.names();
    }

    public ErrorLimiter errorLimiter() {
        return errors;
    }

    public TokenStore tokens() {
        return tokens;
    }

    @Override
    public void close() {
        server.close();
        http.close();
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "closing " + c + ": " + e);
            }
        }
        loops.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
