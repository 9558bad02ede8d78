package io.zerostore.sandbox;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.zerostore.sandbox.channel.Channel;
import io.zerostore.sandbox.channel.ChannelStats;
import io.zerostore.sandbox.codegen.LinearMemory;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of one program: checks the memory limit, sets up channels and the file system,
 * instantiates the module (compiled or interpreted) under the watchdog, calls {@code _start},
 * turns the way it ended into a {@link Report}, and always closes every binding.
 */
final class InstanceRun {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int PAGE = Memory.PAGE_SIZE;

    private final Execution e;
    private final Watchdog watchdog;
    private final MemoryKind memory;
    private final long wallStart = System.nanoTime();
    private final long cpuStart = cpuNow();
    private final long userStart = userNow();
    private int retcode = Report.NO_RETCODE;
    private String status;
    private long memoryBytes;

    InstanceRun(Execution execution, Watchdog watchdog, MemoryKind memory) {
        this.e = execution;
        this.watchdog = watchdog;
        this.memory = memory;
    }

    Report run() {
        Program p = e.program();
        RunSetup setup = new RunSetup();
        try {
            if (!p.runnable()) {
                return report(setup, ValidationState.FAILED, "validation failed: " + p.validationMessage());
            }
            long limitPages = e.memoryLimit() / PAGE;
            if (p.initialPages() > limitPages) {
                return report(setup, ValidationState.FAILED, "validation failed: the module needs "
                        + (long) p.initialPages() * PAGE + " bytes of memory, limit is " + e.memoryLimit());
            }
            try (Watchdog.Watch watch = watchdog.watch()) {
                setup.build(e, watch); // host-side, bounded work: not under the clock
                if (e.setupOnly()) {
                    return report(setup, p.validation(), Report.SETUP_ONLY);
                }
                watch.arm(e.timeout());
                execute(p, setup, (int) Math.min(limitPages, MemoryLimits.MAX_PAGES), watch);
            }
            return report(setup, p.validation(), status);
        } finally {
            RunSetup.closeAll(e.channels());
        }
    }

    private void execute(Program p, RunSetup setup, int limitPages, Watchdog.Watch watch) {
        Instance instance = null;
        try {
            int max = p.maximumPages() < 0 ? limitPages : Math.min(p.maximumPages(), limitPages);
            Instance.Builder b = Instance.builder(p.module())
                    .withImportValues(ImportValues.builder().withFunctions(
                            java.util.List.copyOf(setup.host.functions())).build())
                    .withMemoryLimits(new MemoryLimits(p.initialPages(), max))
                    .withStart(false); // Chicory would call "_start" itself; we call it below
            if (memory == MemoryKind.LINEAR && p.initialPages() <= LinearMemory.MAX_PAGES) {
                b.withMemoryFactory(LinearMemory::new);
            } else if (memory != MemoryKind.BYTE_BUFFER) {
                b.withMemoryFactory(ByteArrayMemory::new);
            }
            if (p.machineFactory() != null) {
                b.withMachineFactory(p.machineFactory());
            }
            instance = b.build();
            instance.export("_start").apply();
            retcode = 0;
            status = Report.OK;
        } catch (WasiExitException x) {
            retcode = x.exitCode();
            status = Report.OK;
        } catch (ChicoryInterruptedException x) {
            status = watch.fired() ? Report.TIMEOUT : "interrupted";
        } catch (StackOverflowError x) {
            status = "trap: call stack exhausted";
        } catch (ChicoryException x) {
            status = "trap: " + x.getMessage();
        } catch (OutOfMemoryError x) {
            status = "error: host out of memory";
        } catch (RuntimeException x) {
            status = "error: " + x;
        }
        if (instance != null) {
            memoryBytes = (long) instance.memory().pages() * PAGE;
        }
    }

    private Report report(RunSetup setup, ValidationState validation, String finalStatus) {
        ChannelStats local = ChannelStats.ZERO;
        ChannelStats network = ChannelStats.ZERO;
        Map<String, ChannelStats> per = new LinkedHashMap<>();
        Map<String, String> etags = new LinkedHashMap<>();
        for (Channel ch : setup.channels) {
            ChannelStats s = ch.stats();
            per.put(ch.spec().alias(), s);
            if (ch.binding().network()) {
                network = network.plus(s);
            } else {
                local = local.plus(s);
            }
            String etag = ch.etag();
            if (etag != null) {
                etags.put(ch.spec().alias(), etag);
            }
        }
        long cpu = Math.max(0, cpuNow() - cpuStart);
        long user = Math.max(0, userNow() - userStart);
        Accounting acc = new Accounting(System.nanoTime() - wallStart, cpu, Math.min(user, cpu),
                memoryBytes, local, network, per);
        int code = Report.OK.equals(finalStatus) ? retcode : Report.NO_RETCODE;
        return new Report(code, finalStatus, validation, etags, acc, e.program().engine());
    }

    private static long cpuNow() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    private static long userNow() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadUserTime() : 0;
    }
}
