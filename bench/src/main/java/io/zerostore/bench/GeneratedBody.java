package io.zerostore.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.stream.ChunkedInput;

/**
 * A request body of any length produced on the fly from a {@link PayloadBlock}: the
 * ChunkedWriteHandler pulls one block-sized slice at a time only while the socket is
 * writable, so a 256 MiB PUT holds no more than the socket buffers in memory.
 */
final class GeneratedBody implements ChunkedInput<ByteBuf> {
    private final PayloadBlock block;
    private final long length;
    private long sent;

    GeneratedBody(PayloadBlock block, long length) {
        this.block = block;
        this.length = length;
    }

    @Override
    public boolean isEndOfInput() {
        return sent >= length;
    }

    @Override
    public void close() {
        // nothing to release: slices of an unreleasable block
    }

    @Deprecated
    @Override
    public ByteBuf readChunk(ChannelHandlerContext ctx) {
        return readChunk(ctx.alloc());
    }

    @Override
    public ByteBuf readChunk(ByteBufAllocator allocator) {
        if (isEndOfInput()) {
            return null;
        }
        int n = (int) Math.min(PayloadBlock.SIZE, length - sent);
        sent += n;
        return block.slice(n);
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public long progress() {
        return sent;
    }
}
