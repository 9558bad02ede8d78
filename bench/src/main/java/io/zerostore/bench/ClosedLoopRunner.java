package io.zerostore.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Drives {@link RunPlan#concurrency()} connections against one storage URL, each running
 * its own closed loop on a small Netty event-loop group, and merges what they saw.
 */
final class ClosedLoopRunner {

    private ClosedLoopRunner() {
    }

    static RunResult run(SwiftSession session, RunPlan plan, RequestFactory factory)
            throws InterruptedException {
        URI url = session.storageUrl();
        int port = url.getPort() > 0 ? url.getPort() : 80;
        InetSocketAddress address = new InetSocketAddress(url.getHost(), port);
        HttpHeaders common = DefaultHttpHeadersFactory.headersFactory().withValidation(false).newHeaders()
            .set(HttpHeaderNames.HOST, url.getHost() + ":" + port)
            .set(HttpHeaderNames.USER_AGENT, "zerostore-bench")
            .set("X-Auth-Token", session.token());
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(plan.ioThreads(), NioIoHandler.newFactory());
        try {
            Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator(512, 16 * 1024, 1 << 20))
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(1 << 20, 4 << 20));
            RunState state = new RunState(plan);
            List<CompletableFuture<LoopStats>> loops = new ArrayList<>();
            for (int i = 0; i < plan.concurrency(); i++) {
                loops.add(new ConnectionLoop(bootstrap, address, common, state, plan, factory).start());
            }
            // the generator's own CPU is sampled over the measured window only (not warm-up)
            CompletableFuture<Void> all = CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new));
            long untilMeasured = state.measureFromNanos() - System.nanoTime();
            if (untilMeasured > 0) {
                try {
                    all.get(untilMeasured, TimeUnit.NANOSECONDS);
                } catch (TimeoutException | ExecutionException expected) {
                    // still warming up (or done early): sample now
                }
            }
            long cpuFrom = processCpuNanos();
            long wallFrom = System.nanoTime();
            List<LoopStats> stats = new ArrayList<>();
            for (CompletableFuture<LoopStats> loop : loops) {
                stats.add(loop.join());
            }
            long wallNanos = System.nanoTime() - wallFrom;
            long cpuNanos = cpuFrom < 0 ? -1 : processCpuNanos() - cpuFrom;
            return RunResult.merge(stats, state.measureFromNanos(), cpuNanos, wallNanos);
        } finally {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
