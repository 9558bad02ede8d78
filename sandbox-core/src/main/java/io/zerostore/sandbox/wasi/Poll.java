package io.zerostore.sandbox.wasi;

import com.dylibso.chicory.runtime.Memory;

/**
 * A minimal {@code poll_oneoff}: descriptor subscriptions are reported ready at once (every
 * channel is always ready: blocking happens inside read/write), and when there are only clock
 * subscriptions the earliest one fires after advancing the deterministic clock instead of sleeping.
 */
final class Poll {
    private Poll() {
    }

    static int pollOneoff(WasiHost h, Memory m, int in, int out, int nsubs, int neventsPtr) {
        if (nsubs <= 0) {
            return Errno.INVAL;
        }
        if ((long) nsubs * WasiTypes.SUBSCRIPTION_SIZE > (long) m.pages() * Memory.PAGE_SIZE) {
            return Errno.FAULT; // cannot all lie in memory; do not size host arrays by it
        }
        int events = 0;
        boolean anyFd = false;
        long[] timeouts = new long[nsubs];
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < nsubs; i++) {
            int s = in + i * WasiTypes.SUBSCRIPTION_SIZE;
            int tag = m.read(s + 8) & 0xff;
            timeouts[i] = Long.MAX_VALUE;
            if (tag == WasiTypes.EVENTTYPE_FD_READ || tag == WasiTypes.EVENTTYPE_FD_WRITE) {
                anyFd = true;
                int fd = m.readInt(s + 16);
                int err = h.fds.get(fd) == null ? Errno.BADF : Errno.SUCCESS;
                writeEvent(m, out + events++ * WasiTypes.EVENT_SIZE, m.readLong(s), err, tag);
            } else if (tag == WasiTypes.EVENTTYPE_CLOCK) {
                timeouts[i] = relativeTimeout(h, m, s);
                earliest = Math.min(earliest, timeouts[i]);
            } else {
                return Errno.INVAL;
            }
        }
        if (!anyFd) {
            h.clock.advance(earliest);
            for (int i = 0; i < nsubs; i++) {
                if (timeouts[i] <= earliest) {
                    int s = in + i * WasiTypes.SUBSCRIPTION_SIZE;
                    writeEvent(m, out + events++ * WasiTypes.EVENT_SIZE, m.readLong(s),
                            Errno.SUCCESS, WasiTypes.EVENTTYPE_CLOCK);
                }
            }
        }
        m.writeI32(neventsPtr, events);
        return Errno.SUCCESS;
    }

    /** Nanoseconds from now until the clock subscription at {@code s} fires. */
    private static long relativeTimeout(WasiHost h, Memory m, int s) {
        int id = m.readInt(s + 16);
        long timeout = m.readLong(s + 24);
        int flags = m.readShort(s + 40) & 0xffff;
        if ((flags & WasiTypes.SUBCLOCKFLAG_ABSTIME) == 0) {
            return timeout;
        }
        long now = id == WasiTypes.CLOCK_REALTIME
                ? h.clock.epochNanos() + h.clock.elapsedNanos() : h.clock.elapsedNanos();
        return timeout - now;
    }

    private static void writeEvent(Memory m, int e, long userdata, int errno, int type) {
        m.writeLong(e, userdata);
        m.writeShort(e + 8, (short) errno);
        m.writeByte(e + 10, (byte) type);
        for (int i = 11; i < 16; i++) {
            m.writeByte(e + i, (byte) 0);
        }
        m.writeLong(e + 16, 0);
        m.writeLong(e + 24, 0);
    }
}
