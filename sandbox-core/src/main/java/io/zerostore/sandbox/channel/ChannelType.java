package io.zerostore.sandbox.channel;

/**
 * ZeroVM's channel access type: how the program may move through a channel. The numeric code is
 * the one written in manifests ({@code Channel = uri,alias,type,...}).
 */
public enum ChannelType {
    /** 0: sequential read, sequential write (a stream: stdin, stdout, a pipe). */
    SEQUENTIAL_READ_SEQUENTIAL_WRITE(0, false, false),
    /** 1: random read, sequential write (an input object read with pread/seek). */
    RANDOM_READ_SEQUENTIAL_WRITE(1, true, false),
    /** 2: sequential read, random write (an output file written with pwrite/seek). */
    SEQUENTIAL_READ_RANDOM_WRITE(2, false, true),
    /** 3: random read, random write. */
    RANDOM_READ_RANDOM_WRITE(3, true, true);

    private final int code;
    private final boolean randomRead;
    private final boolean randomWrite;

    ChannelType(int code, boolean randomRead, boolean randomWrite) {
        this.code = code;
        this.randomRead = randomRead;
        this.randomWrite = randomWrite;
    }

    public int code() {
        return code;
    }

    public boolean randomRead() {
        return randomRead;
    }

    public boolean randomWrite() {
        return randomWrite;
    }

    /** The type for a manifest code 0–3. */
    public static ChannelType ofCode(int code) {
        for (ChannelType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("channel type must be 0..3, got " + code);
    }
}
