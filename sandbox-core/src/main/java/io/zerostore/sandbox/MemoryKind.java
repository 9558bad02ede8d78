package io.zerostore.sandbox;

/** How a program's linear memory is held on the Java heap. */
public enum MemoryKind {
    /**
     * One flat {@code byte[]} with headroom ({@code codegen.LinearMemory}); the fastest: wc ran
     * ~20% faster than on {@link #PAGED}. Programs whose initial memory exceeds 2 GiB - 64 KiB
     * (which no Java array holds) fall back to {@link #PAGED}.
     */
    LINEAR,
    /** Chicory's {@code ByteArrayMemory}: one 64 KiB {@code byte[]} per page. */
    PAGED,
    /** Chicory's default {@code ByteBufferMemory}. */
    BYTE_BUFFER
}
