package io.zerostore.sandbox.codegen;

/**
 * Branch-free WebAssembly comparisons that compiled modules call instead of Chicory's
 * {@code OpcodeImpl} versions (see {@link CodeTuner}). Public because generated classes, defined
 * in their own class loaders, call them.
 *
 * <p>Why: Chicory's versions are {@code cond ? 1 : 0} inside one shared method, so HotSpot sees
 * one branch profile for every comparison of every module and often compiles a data-dependent
 * comparison (wc's "is this byte a space?") into a mispredicted branch; its unsigned ones go
 * through {@code Integer.compareUnsigned}, which JDK 17's C2 neither intrinsifies nor folds
 * (and which Chicory routes through a megamorphic call for {@code i32.ge_u} to dodge a JDK 17
 * miscompile). These compute the 0/1 result with plain arithmetic: no branch, no profile, and
 * no {@code compareUnsigned}.
 */
public final class WasmOps {
    private WasmOps() {
    }

    public static int I32_EQ(int a, int b) {
        return (int) ((Integer.toUnsignedLong(a ^ b) - 1) >>> 63);
    }

    public static int I32_NE(int a, int b) {
        return (int) (-Integer.toUnsignedLong(a ^ b) >>> 63);
    }

    public static int I32_EQZ(int a) {
        return (int) ((Integer.toUnsignedLong(a) - 1) >>> 63);
    }

    public static int I32_LT_S(int a, int b) {
        return (int) (((long) a - b) >>> 63);
    }

    public static int I32_GT_S(int a, int b) {
        return (int) (((long) b - a) >>> 63);
    }

    public static int I32_LE_S(int a, int b) {
        return 1 ^ I32_GT_S(a, b);
    }

    public static int I32_GE_S(int a, int b) {
        return 1 ^ I32_LT_S(a, b);
    }

    public static int I32_LT_U(int a, int b) {
        return (int) ((Integer.toUnsignedLong(a) - Integer.toUnsignedLong(b)) >>> 63);
    }

    public static int I32_GT_U(int a, int b) {
        return I32_LT_U(b, a);
    }

    public static int I32_LE_U(int a, int b) {
        return 1 ^ I32_LT_U(b, a);
    }

    public static int I32_GE_U(int a, int b) {
        return 1 ^ I32_LT_U(a, b);
    }

    public static int I64_EQZ(long a) {
        return 1 ^ (int) ((a | -a) >>> 63);
    }

    public static int I64_EQ(long a, long b) {
        return I64_EQZ(a ^ b);
    }

    public static int I64_NE(long a, long b) {
        long x = a ^ b;
        return (int) ((x | -x) >>> 63);
    }

    /** Hacker's Delight 2-12: the sign of a - b, corrected for overflow. */
    public static int I64_LT_S(long a, long b) {
        long d = a - b;
        return (int) ((d ^ ((a ^ b) & (d ^ a))) >>> 63);
    }

    public static int I64_GT_S(long a, long b) {
        return I64_LT_S(b, a);
    }

    public static int I64_LE_S(long a, long b) {
        return 1 ^ I64_LT_S(b, a);
    }

    public static int I64_GE_S(long a, long b) {
        return 1 ^ I64_LT_S(a, b);
    }

    /** Hacker's Delight 2-12: the borrow out of a - b. */
    public static int I64_LT_U(long a, long b) {
        return (int) (((~a & b) | (~(a ^ b) & (a - b))) >>> 63);
    }

    public static int I64_GT_U(long a, long b) {
        return I64_LT_U(b, a);
    }

    public static int I64_LE_U(long a, long b) {
        return 1 ^ I64_LT_U(b, a);
    }

    public static int I64_GE_U(long a, long b) {
        return 1 ^ I64_LT_U(a, b);
    }
}
