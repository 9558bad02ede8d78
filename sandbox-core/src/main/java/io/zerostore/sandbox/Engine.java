package io.zerostore.sandbox;

/** How a program's code runs. */
public enum Engine {
    /** Chicory's compiler turned the module into JVM bytecode (the fast path). */
    COMPILED,
    /** Chicory's interpreter (fallback when compiling failed or was not wanted). */
    INTERPRETED
}
