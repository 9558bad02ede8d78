package io.zerostore.sandbox.codegen;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MutableCallSite;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The check compiled wasm code makes at every loop back-edge and call, so that a watchdog can
 * stop a busy loop by interrupting the thread, at (almost) no cost while nobody needs stopping.
 *
 * <p>Chicory's own check reads {@code Thread.isInterrupted()} each time: a volatile read, which
 * also forbids HotSpot to hoist any other load (the memory array, its bounds) out of the loop;
 * measured ~15% of wc's throughput. Here the check first asks a {@link MutableCallSite} whether
 * any run is being stopped. HotSpot compiles that call site as a constant "no" and records a
 * dependency on it; {@link #arm()} changes its target, which makes HotSpot deoptimise every
 * method compiled with the constant (running loops included, at their next safepoint poll),
 * after which the check reads the interrupt flag again. When no stop is pending any more and
 * things stayed quiet for {@link #QUIET_MILLIS} ms, the site is disarmed and code recompiles
 * without the read. So a timeout costs two deoptimisations, and a stream of timeouts keeps the
 * check armed (Chicory's cost) rather than deoptimising all the time.
 *
 * <p>{@code -Dzerostore.sandbox.interruptCheck=always} keeps it armed for good.
 */
public final class Interruption {
    /** Default quiet period; system property {@code zerostore.sandbox.interruptQuietMillis}. */
    static final long QUIET_MILLIS = 10_000;
    private static final MethodHandle NO = MethodHandles.constant(boolean.class, false);
    private static final MethodHandle YES = MethodHandles.constant(boolean.class, true);
    private static final boolean ALWAYS = "always".equals(System.getProperty("zerostore.sandbox.interruptCheck"));
    private static final MutableCallSite SITE = new MutableCallSite(ALWAYS ? YES : NO);
    private static final MethodHandle ARMED = SITE.dynamicInvoker();

    private static int pending; // stops in progress; guarded by Interruption.class
    private static ScheduledFuture<?> disarm; // guarded by Interruption.class
    private static ScheduledExecutorService timer; // guarded by Interruption.class

    private Interruption() {
    }

    /** Called by compiled code; throws when the thread is interrupted and a stop is pending. */
    public static void check() {
        if (armed() && Thread.currentThread().isInterrupted()) {
            throw new ChicoryInterruptedException("Thread interrupted");
        }
    }

    /** True while compiled code reads the interrupt flag (a stop is pending or was recent). */
    public static boolean armed() {
        try {
            return (boolean) ARMED.invokeExact();
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /**
     * A run is about to be stopped (call before interrupting its thread): from now on compiled
     * code reads the interrupt flag. Pair every call with {@link #release()}.
     */
    public static synchronized void arm() {
        pending++;
        if (disarm != null) {
            disarm.cancel(false);
            disarm = null;
        }
        if (SITE.getTarget() != YES) {
            SITE.setTarget(YES);
            MutableCallSite.syncAll(new MutableCallSite[] {SITE});
        }
    }

    /** A stopped run has ended; when none is left, disarm after a quiet period. */
    public static synchronized void release() {
        if (pending == 0) {
            throw new IllegalStateException("release() without arm()");
        }
        if (--pending == 0 && !ALWAYS) {
            if (timer == null) {
                timer = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "zerovm-interrupt-disarm");
                    t.setDaemon(true);
                    return t;
                });
            }
            long quiet = Long.getLong("zerostore.sandbox.interruptQuietMillis", QUIET_MILLIS);
            disarm = timer.schedule(Interruption::disarmIfQuiet, quiet, TimeUnit.MILLISECONDS);
        }
    }

    private static synchronized void disarmIfQuiet() {
        if (pending == 0 && disarm != null) {
            disarm = null;
            SITE.setTarget(NO);
            MutableCallSite.syncAll(new MutableCallSite[] {SITE});
        }
    }
}
