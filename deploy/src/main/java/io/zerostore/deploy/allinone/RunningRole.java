package io.zerostore.deploy.allinone;

/** One role of the all-in-one cluster, running in this JVM or as a child process. */
public interface RunningRole extends AutoCloseable {
    /** {@code proxy}, {@code node1}, ... */
    String name();

    /** False once the role has stopped or its process has exited. */
    boolean isAlive();

    /** Stops the role and releases its ports; safe to call twice. */
    @Override
    void close();
}
