package io.zerostore.sandbox;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for running programs. Compiled WebAssembly calls are JVM calls, so a program's
 * recursion depth is bounded by the thread's stack; the JVM default (1 MiB) is small for
 * interpreters such as Lua. Give the executor that calls {@link Sandbox#run} threads from
 * {@link #factory(String, long)} (16 MiB is a good size). Running out of stack is contained
 * either way: the run ends with "trap: call stack exhausted".
 */
public final class SandboxThreads {
    /** A stack size that lets ordinary C programs and interpreters recurse comfortably. */
    public static final long RECOMMENDED_STACK_BYTES = 16L << 20;

    private SandboxThreads() {
    }

    /** Daemon threads named {@code prefix-N} with the given stack size. */
    public static ThreadFactory factory(String prefix, long stackBytes) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(null, r, prefix + "-" + n.incrementAndGet(), stackBytes);
            t.setDaemon(true);
            return t;
        };
    }
}
