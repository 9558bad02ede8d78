package io.zerostore.sandbox.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import org.junit.jupiter.api.Test;

/** Wasm memory semantics on one flat array: bounds are the current size, never the array's. */
class LinearMemoryTest {
    private static final int PAGE = Memory.PAGE_SIZE;

    @Test
    void growReturnsTheOldSizeAndStopsAtTheMaximum() {
        LinearMemory m = new LinearMemory(new MemoryLimits(1, 4));
        assertThat(m.pages()).isEqualTo(1);
        assertThat(m.grow(2)).isEqualTo(1);
        assertThat(m.grow(0)).isEqualTo(3);
        assertThat(m.grow(2)).isEqualTo(-1);
        assertThat(m.grow(1)).isEqualTo(3);
        assertThat(m.pages()).isEqualTo(4);
        assertThat(m.grow(-1)).isEqualTo(-1);
        assertThat(m.maximumPages()).isEqualTo(4);
    }

    @Test
    void theMaximumIsCappedToWhatAJavaArrayHolds() {
        LinearMemory m = new LinearMemory(new MemoryLimits(0, MemoryLimits.MAX_PAGES));
        assertThat(m.maximumPages()).isEqualTo(LinearMemory.MAX_PAGES);
    }

    @Test
    void accessesPastTheCurrentSizeTrapEvenInsideTheHeadroom() {
        LinearMemory m = new LinearMemory(new MemoryLimits(1, 100));
        m.grow(1); // the array now has room for 3 pages (1.5x of 2), the memory has 2
        int end = 2 * PAGE;
        m.writeByte(end - 1, (byte) 1);
        m.writeLong(end - 8, 42L);
        assertThat(m.readLong(end - 8)).isEqualTo(42L);
        assertThatThrownBy(() -> m.read(end)).isInstanceOf(WasmRuntimeException.class)
                .hasMessageContaining("out of bounds");
        assertThatThrownBy(() -> m.writeByte(end, (byte) 1)).isInstanceOf(WasmRuntimeException.class);
        assertThatThrownBy(() -> m.readShort(end - 1)).isInstanceOf(WasmRuntimeException.class);
        assertThatThrownBy(() -> m.readInt(end - 3)).isInstanceOf(WasmRuntimeException.class);
        assertThatThrownBy(() -> m.writeI32(end - 2, 1)).isInstanceOf(WasmRuntimeException.class);
        assertThatThrownBy(() -> m.readLong(end - 7)).isInstanceOf(WasmRuntimeException.class);
        assertThatThrownBy(() -> m.readDouble(end - 4)).isInstanceOf(WasmRuntimeException.class);
        assertThatThrownBy(() -> m.read(-1)).isInstanceOf(WasmRuntimeException.class);
        assertThatThrownBy(() -> m.readInt(Integer.MIN_VALUE)).isInstanceOf(WasmRuntimeException.class);
        assertThatThrownBy(() -> m.readBytes(end - 1, 2)).isInstanceOf(WasmRuntimeException.class);
        assertThatThrownBy(() -> m.write(end - 1, new byte[2], 0, 2)).isInstanceOf(WasmRuntimeException.class);
        assertThatThrownBy(() -> m.fill((byte) 1, end - 1, end + 1)).isInstanceOf(WasmRuntimeException.class);
        assertThatThrownBy(() -> m.copy(0, end - 1, 2)).isInstanceOf(WasmRuntimeException.class);
        assertThat(m.grow(1)).isEqualTo(2);
        assertThat(m.read(end)).as("a new page is zero").isZero();
    }

    @Test
    void valuesAreLittleEndianAndCopiesMayOverlap() {
        LinearMemory m = new LinearMemory(new MemoryLimits(1, 1));
        m.writeI32(0, 0x04030201);
        assertThat(m.readBytes(0, 4)).containsExactly(1, 2, 3, 4);
        assertThat(m.readU16(1)).isEqualTo(0x0302);
        m.writeF64(16, 1.5);
        assertThat(m.readDouble(16)).isEqualTo(1.5);
        assertThat(m.readF64(16)).isEqualTo(Double.doubleToRawLongBits(1.5));
        m.writeF32(32, 2.5f);
        assertThat(m.readFloat(32)).isEqualTo(2.5f);
        m.copy(1, 0, 4); // forward overlap
        assertThat(m.readBytes(0, 5)).containsExactly(1, 1, 2, 3, 4);
        m.copy(0, 1, 4); // backward overlap
        assertThat(m.readBytes(0, 5)).containsExactly(1, 2, 3, 4, 4);
        m.fill((byte) 9, 2, 4);
        assertThat(m.readBytes(0, 5)).containsExactly(1, 2, 9, 9, 4);
        m.zero();
        assertThat(m.readInt(0)).isZero();
    }
}
