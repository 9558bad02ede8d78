package io.zerostore.sandbox.wasi;

/** Receives every host call of a traced run (ZeroVM's {@code -T}): name, arguments, errno. */
@FunctionalInterface
public interface Tracer {
    void trace(String call, long[] args, long result);
}
