package io.zerostore.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** The shape every workload shares: log in, prepare, run the closed loop, report. */
abstract class WorkloadCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target;

    @Mixin
    LoadOptions load;

    @Mixin
    OutputOptions output;

    /** The workload's name in results, e.g. {@code put}. */
    abstract String workload();

    /** Default plan values: concurrency, duration, warm-up seconds, count. */
    abstract RunPlan plan();

    /** Set up (e.g. create the container) and return what to send. */
    abstract RequestFactory prepare(SwiftSession session) throws Exception;

    /** Size of each object moved, for the report; null when it does not apply. */
    Long objectSize() {
        return null;
    }

    /** Called with the run's outcome before it is reported (e.g. to save names). */
    void finished(RunResult result) throws Exception {
    }

    @Override
    public Integer call() throws Exception {
        SwiftSession session = target.login();
        RequestFactory factory = prepare(session);
        RunPlan plan = plan();
        RunResult result = ClosedLoopRunner.run(session, plan, factory);
        finished(result);
        output.emit(WorkloadResult.of(workload(), output.label, session.storageUrl().toString(),
            plan.concurrency(), objectSize(), result));
        return result.ops() > 0 ? 0 : 1;
    }
}
