package io.zerostore.sandbox.codegen;

import static com.dylibso.chicory.runtime.ConstantEvaluators.computeConstantValue;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.UninstantiableException;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.PassiveDataSegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * A program's linear memory as one flat {@code byte[]} (Chicory's {@code ByteArrayMemory} keeps
 * one array per 64 KiB page, so every access loads the page table, then the page). An access is
 * checked against the memory's current size with {@link Objects#checkIndex}, which HotSpot turns
 * into a range check it can hoist out of loops together with the array's own. The array has
 * headroom so that a program growing its memory page by page does not copy it every time; bytes
 * past the current size are never reachable and stay zero, as new pages must be.
 *
 * <p>Not shared: single-threaded programs only (the validator rejects shared memories), so the
 * atomic operations are plain ones. At most {@link #MAX_PAGES} pages, like Chicory's memories.
 */
public final class LinearMemory implements Memory {
    /** The largest memory a Java array holds, in 64 KiB pages (2 GiB - 64 KiB). */
    public static final int MAX_PAGES = RUNTIME_MAX_PAGES;

    private static final VarHandle SHORT = view(short[].class);
    private static final VarHandle INT = view(int[].class);
    private static final VarHandle LONG = view(long[].class);
    private static final VarHandle FLOAT = view(float[].class);
    private static final VarHandle DOUBLE = view(double[].class);

    private final MemoryLimits limits;
    private final int maximumPages;
    private byte[] data;
    private int size; // bytes: pages * PAGE_SIZE
    private DataSegment[] segments;

    public LinearMemory(MemoryLimits limits) {
        if (limits.shared()) {
            throw new ChicoryException("shared memory is not supported");
        }
        this.limits = limits;
        this.maximumPages = Math.min(limits.maximumPages(), MAX_PAGES);
        if (limits.initialPages() > maximumPages) {
            throw new UninstantiableException("memory of " + limits.initialPages() + " pages is too large");
        }
        this.size = limits.initialPages() * PAGE_SIZE;
        this.data = new byte[size];
    }

    private static VarHandle view(Class<?> arrayType) {
        return MethodHandles.byteArrayViewVarHandle(arrayType, ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public int pages() {
        return size / PAGE_SIZE;
    }

    @Override
    public int grow(int delta) {
        int old = pages();
        long wanted = (long) old + delta;
        if (delta < 0 || wanted > maximumPages) {
            return -1;
        }
        int newSize = (int) (wanted * PAGE_SIZE);
        if (newSize > data.length) {
            // 1.5x headroom (capped at the maximum): amortised linear copying for page-wise growth
            long headroom = Math.min((long) maximumPages * PAGE_SIZE, data.length + (data.length >> 1));
            try {
                data = Arrays.copyOf(data, (int) Math.max(newSize, headroom));
            } catch (OutOfMemoryError e) {
                return -1; // the host cannot give it: memory.grow fails, the program carries on
            }
        }
        size = newSize;
        return old;
    }

    @Override
    public int initialPages() {
        return limits.initialPages();
    }

    @Override
    public int maximumPages() {
        return maximumPages;
    }

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    @Deprecated
    @SuppressWarnings("removal")
    public Object lock(int address) {
        return this; // not shared: the default atomic operations need no real lock
    }

    @Override
    @Deprecated
    @SuppressWarnings("removal")
    public int waitOn(int address, int expected, long timeout) {
        throw new WasmRuntimeException("wait on a non-shared memory");
    }

    @Override
    @Deprecated
    @SuppressWarnings("removal")
    public int waitOn(int address, long expected, long timeout) {
        throw new WasmRuntimeException("wait on a non-shared memory");
    }

    @Override
    @Deprecated
    @SuppressWarnings("removal")
    public int notify(int address, int maxThreads) {
        return 0;
    }

    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments) {
        initialize(instance, dataSegments, 0);
    }

    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments, int memoryIndex) {
        this.segments = dataSegments;
        if (dataSegments == null) {
            return;
        }
        for (DataSegment s : dataSegments) {
            if (s instanceof ActiveDataSegment a) {
                if (a.index() != memoryIndex) {
                    continue;
                }
                int offset = (int) computeConstantValue(instance, a.offsetInstructions())[0];
                byte[] bytes = a.data();
                if (!fits(offset, bytes.length)) {
                    throw new UninstantiableException("out of bounds memory access: data segment at "
                            + Integer.toUnsignedString(offset) + " (" + bytes.length + " bytes)");
                }
                System.arraycopy(bytes, 0, data, offset, bytes.length);
            } else if (!(s instanceof PassiveDataSegment)) {
                throw new ChicoryException("data segment should be active or passive: " + s);
            }
        }
    }

    @Override
    public void initPassiveSegment(int segmentId, int dest, int offset, int length) {
        write(dest, segments[segmentId].data(), offset, length);
    }

    @Override
    public void drop(int segment) {
        segments[segment] = PassiveDataSegment.EMPTY;
    }

    /** True when [addr, addr + length) lies inside the memory (addr taken as unsigned). */
    private boolean fits(int addr, int length) {
        return addr >= 0 && length >= 0 && length <= size - addr;
    }

    private void check(int addr, int length) {
        if (!fits(addr, length)) {
            throw outOfBounds(addr, length);
        }
    }

    private WasmRuntimeException outOfBounds(int addr, int length) {
        return new WasmRuntimeException("out of bounds memory access: attempted to access address: "
                + Integer.toUnsignedString(addr) + " but limit is: " + size + " and size: " + length);
    }

    @Override
    public void write(int addr, byte[] src, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, src.length);
        check(addr, length);
        System.arraycopy(src, offset, data, addr, length);
    }

    @Override
    public byte[] readBytes(int addr, int length) {
        check(addr, length);
        return Arrays.copyOfRange(data, addr, addr + length);
    }

    @Override
    public byte read(int addr) {
        try {
            Objects.checkIndex(addr, size);
            return data[addr];
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 1);
        }
    }

    @Override
    public void writeByte(int addr, byte value) {
        try {
            Objects.checkIndex(addr, size);
            data[addr] = value;
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 1);
        }
    }

    @Override
    public short readShort(int addr) {
        try {
            Objects.checkIndex(addr, size - 1);
            return (short) SHORT.get(data, addr);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 2);
        }
    }

    @Override
    public long readU16(int addr) {
        return readShort(addr) & 0xFFFFL;
    }

    @Override
    public void writeShort(int addr, short value) {
        try {
            Objects.checkIndex(addr, size - 1);
            SHORT.set(data, addr, value);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 2);
        }
    }

    @Override
    public int readInt(int addr) {
        try {
            Objects.checkIndex(addr, size - 3);
            return (int) INT.get(data, addr);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 4);
        }
    }

    @Override
    public void writeI32(int addr, int value) {
        try {
            Objects.checkIndex(addr, size - 3);
            INT.set(data, addr, value);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 4);
        }
    }

    @Override
    public long readLong(int addr) {
        try {
            Objects.checkIndex(addr, size - 7);
            return (long) LONG.get(data, addr);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 8);
        }
    }

    @Override
    public void writeLong(int addr, long value) {
        try {
            Objects.checkIndex(addr, size - 7);
            LONG.set(data, addr, value);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 8);
        }
    }

    @Override
    public float readFloat(int addr) {
        try {
            Objects.checkIndex(addr, size - 3);
            return (float) FLOAT.get(data, addr);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 4);
        }
    }

    @Override
    public long readF32(int addr) {
        return readInt(addr);
    }

    @Override
    public void writeF32(int addr, float value) {
        try {
            Objects.checkIndex(addr, size - 3);
            FLOAT.set(data, addr, value);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 4);
        }
    }

    @Override
    public double readDouble(int addr) {
        try {
            Objects.checkIndex(addr, size - 7);
            return (double) DOUBLE.get(data, addr);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 8);
        }
    }

    @Override
    public long readF64(int addr) {
        return readLong(addr);
    }

    @Override
    public void writeF64(int addr, double value) {
        try {
            Objects.checkIndex(addr, size - 7);
            DOUBLE.set(data, addr, value);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 8);
        }
    }

    @Override
    public void zero() {
        Arrays.fill(data, 0, size, (byte) 0);
    }

    @Override
    public void fill(byte value, int fromIndex, int toIndex) {
        check(fromIndex, toIndex - fromIndex);
        Arrays.fill(data, fromIndex, toIndex, value);
    }

    @Override
    public void copy(int dest, int src, int length) {
        check(dest, length);
        check(src, length);
        System.arraycopy(data, src, data, dest, length); // handles overlap like memmove
    }

    @Override
    public void atomicFence() {
        VarHandle.fullFence();
    }
}
