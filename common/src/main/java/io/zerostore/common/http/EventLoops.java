package io.zerostore.common.http;

import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * Picks the native epoll transport when it loads (sendfile, fewer copies and syscalls) and falls
 * back to NIO elsewhere; one event loop thread per core by default.
 */
public final class EventLoops {
    private EventLoops() {}

    public static boolean nativeTransport() {
        return Epoll.isAvailable() && !Boolean.getBoolean("zerostore.nio");
    }

    public static EventLoopGroup newGroup(int threads, String name) {
        IoHandlerFactory factory = nativeTransport() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        return new MultiThreadIoEventLoopGroup(n, new DefaultThreadFactory(name, true), factory);
    }

    /** Largest single socket read: a big body moves in fewer, larger chunks (and thread hand-overs). */
    public static final int MAX_READ = 1 << 20;

    /**
     * Socket read sizes that start small and grow up to {@link #MAX_READ} while reads keep filling
     * the buffer, so small requests stay cheap and long bodies are not cut into 64 KiB pieces
     * (Netty's default ceiling), each a decode, a hand-over and a syscall.
     */
    public static RecvByteBufAllocator recvAllocator() {
        return new AdaptiveRecvByteBufAllocator(64, 2048, MAX_READ);
    }

    public static Class<? extends ServerChannel> serverChannel() {
        return nativeTransport() ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    public static Class<? extends SocketChannel> clientChannel() {
        return nativeTransport() ? EpollSocketChannel.class : NioSocketChannel.class;
    }
}
