package io.zerostore.sandbox.wasi;

import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasi.WasiExitException;
import java.util.Map;

/** Args, environment, the deterministic clock and random, exit, yield and a minimal poll. */
final class ProcCalls {
    private final WasiHost h;

    ProcCalls(WasiHost host) {
        this.h = host;
    }

    void register(Map<String, WasiHost.Handler> m) {
        m.put("args_sizes_get", (mem, a) -> sizes(mem, h.args, (int) a[0], (int) a[1]));
        m.put("args_get", (mem, a) -> strings(mem, h.args, (int) a[0], (int) a[1]));
        m.put("environ_sizes_get", (mem, a) -> sizes(mem, h.env, (int) a[0], (int) a[1]));
        m.put("environ_get", (mem, a) -> strings(mem, h.env, (int) a[0], (int) a[1]));
        m.put("clock_res_get", (mem, a) -> clockRes(mem, (int) a[0], (int) a[1]));
        m.put("clock_time_get", (mem, a) -> clockTime(mem, (int) a[0], (int) a[2]));
        m.put("random_get", (mem, a) -> random(mem, (int) a[0], (int) a[1]));
        m.put("sched_yield", (mem, a) -> Errno.SUCCESS);
        m.put("poll_oneoff", (mem, a) -> Poll.pollOneoff(h, mem, (int) a[0], (int) a[1], (int) a[2],
                (int) a[3]));
        m.put("proc_exit", (mem, a) -> {
            throw new WasiExitException((int) a[0]);
        });
    }

    private static int sizes(Memory m, byte[][] strings, int countPtr, int sizePtr) {
        int size = 0;
        for (byte[] s : strings) {
            size += s.length + 1;
        }
        m.writeI32(countPtr, strings.length);
        m.writeI32(sizePtr, size);
        return Errno.SUCCESS;
    }

    private static int strings(Memory m, byte[][] strings, int ptrs, int buf) {
        int at = buf;
        for (int i = 0; i < strings.length; i++) {
            m.writeI32(ptrs + i * 4, at);
            m.write(at, strings[i], 0, strings[i].length);
            m.writeByte(at + strings[i].length, (byte) 0);
            at += strings[i].length + 1;
        }
        return Errno.SUCCESS;
    }

    private static boolean knownClock(int id) {
        return id >= WasiTypes.CLOCK_REALTIME && id <= WasiTypes.CLOCK_THREAD_CPUTIME;
    }

    private static int clockRes(Memory m, int id, int ptr) {
        if (!knownClock(id)) {
            return Errno.INVAL;
        }
        m.writeLong(ptr, DeterministicClock.TICK_NANOS);
        return Errno.SUCCESS;
    }

    private int clockTime(Memory m, int id, int ptr) {
        if (!knownClock(id)) {
            return Errno.INVAL;
        }
        long t = id == WasiTypes.CLOCK_REALTIME ? h.clock.realtime() : h.clock.monotonic();
        m.writeLong(ptr, t);
        return Errno.SUCCESS;
    }

    private int random(Memory m, int buf, int len) {
        int done = 0;
        while (done < len) {
            int n = Math.min(len - done, WasiHost.SCRATCH);
            h.random.fill(h.scratch(), 0, n);
            m.write(buf + done, h.scratch(), 0, n);
            done += n;
        }
        return Errno.SUCCESS;
    }
}
