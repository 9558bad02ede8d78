package io.zerostore.sandbox.channel;

/** What passed through a channel: ZeroVM's four counters (reads, bytes read, writes, bytes written). */
public record ChannelStats(long gets, long getBytes, long puts, long putBytes) {
    public static final ChannelStats ZERO = new ChannelStats(0, 0, 0, 0);

    public ChannelStats plus(ChannelStats o) {
        return new ChannelStats(gets + o.gets, getBytes + o.getBytes, puts + o.puts,
                putBytes + o.putBytes);
    }
}
