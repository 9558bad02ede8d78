package io.zerostore.sandbox.channel;

/**
 * Brackets a host I/O call that must not be hit by {@link Thread#interrupt()} (an interrupt closes
 * an NIO channel). The sandbox's watchdog implements it: while shielded it records a timeout
 * instead of interrupting, and {@link #unshield()} then stops the run.
 */
public interface IoShield {
    IoShield NONE = new IoShield() {
        @Override
        public void shield() {
        }

        @Override
        public void unshield() {
        }
    };

    void shield();

    void unshield();

    /**
     * Called at the start of every host call: throws (an unchecked exception that ends the run)
     * once the run has been stopped, so a program cannot outlive its timeout even if something
     * swallowed the interrupt.
     */
    default void checkpoint() {
    }
}
