package io.zerostore.sandbox.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.compiler.internal.ByteClassCollector;
import com.dylibso.chicory.compiler.internal.Compiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The tuned comparisons give the interpreter's answers for every comparison, in both shapes
 * (value and {@code br_if}), on the values where signed and unsigned order disagree.
 */
@Timeout(60)
class CodeTunerTest {
    private static final long[] I32 = {0, 1, -1, 2, -2, Integer.MIN_VALUE, Integer.MAX_VALUE,
        Integer.MIN_VALUE + 1, Integer.MAX_VALUE - 1, 0x7f, 0x80, 0xff, 12345, -12345};
    private static final long[] I64 = {0, 1, -1, 2, -2, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1,
        Long.MAX_VALUE - 1, 0xFFFFFFFFL, 0x100000000L, Integer.MIN_VALUE, Integer.MAX_VALUE, -12345};
    private static final String[] OPS = {"eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s",
        "ge_u"};

    private static WasmModule module;
    private static Instance compiled;
    private static Instance interpreted;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = CodeTunerTest.class.getResourceAsStream("/codegen/compare.wasm")) {
            module = Parser.parse(in);
        }
        compiled = Instance.builder(module).withMachineFactory(ModuleCompiler.compile(module)).build();
        interpreted = Instance.builder(module).build();
    }

    @Test
    void everyComparisonAgreesWithTheInterpreter() {
        int checked = 0;
        for (String w : new String[] {"i32", "i64"}) {
            long[] values = w.equals("i32") ? I32 : I64;
            for (String op : OPS) {
                for (String shape : new String[] {"v", "b", "n"}) {
                    String f = w + "_" + op + "_" + shape;
                    for (long a : values) {
                        for (long b : values) {
                            assertThat(call(compiled, f, a, b)).as("%s(%d, %d)", f, a, b)
                                    .isEqualTo(call(interpreted, f, a, b));
                            checked++;
                        }
                    }
                }
            }
            for (String shape : new String[] {"v", "b"}) {
                for (long a : values) {
                    String f = w + "_eqz_" + shape;
                    assertThat(call(compiled, f, a)).as("%s(%d)", f, a).isEqualTo(call(interpreted, f, a));
                }
            }
        }
        assertThat(checked).isEqualTo(2 * OPS.length * 3 * I32.length * I32.length);
        assertThat(call(compiled, "i32_lt_u_v", -1, 1)).isZero(); // 0xFFFFFFFF <u 1 is false
        assertThat(call(compiled, "i32_lt_s_b", -1, 1)).isEqualTo(9); // taken branch
    }

    @Test
    void anUnsignedLoopConditionRunsTheRightNumberOfTimes() {
        assertThat(call(compiled, "sum_u", 0, 1000)).isEqualTo(499_500L);
        assertThat(call(compiled, "sum_u", 5, 3)).isZero();
        long expected = 0;
        for (long i = 0xFFFFFFF0L; i < 0xFFFFFFFFL; i++) {
            expected += i;
        }
        assertThat(call(compiled, "sum_u", 0xFFFFFFF0, 0xFFFFFFFF)).isEqualTo(expected);
    }

    @Test
    void noComparisonCallIsLeftAndBranchesAreFused() {
        var result = Compiler.builder(module).withClassCollectorFactory(ByteClassCollector::new).build().compile();
        List<String> calls = new ArrayList<>();
        int[] fused = new int[1];
        for (var e : result.collector().classBytes().entrySet()) {
            if (e.getKey().endsWith("Shaded")) {
                continue; // Chicory's helper class itself; SharedShaded replaces it
            }
            new ClassReader(CodeTuner.tune(e.getValue())).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                        String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitMethodInsn(int opcode, String owner, String n, String d, boolean itf) {
                            if (n.matches("I(32|64)_(EQZ?|NE|[LG][TE]_[SU])|i32_ge_u")) {
                                calls.add(owner + "." + n);
                            }
                        }

                        @Override
                        public void visitJumpInsn(int opcode, Label label) {
                            if (opcode >= Opcodes.IF_ICMPEQ && opcode <= Opcodes.IF_ICMPLE) {
                                fused[0]++;
                            }
                        }
                    };
                }
            }, 0);
        }
        assertThat(calls).isNotEmpty().allMatch(c -> c.startsWith("io/zerostore/sandbox/codegen/WasmOps."));
        assertThat(fused[0]).isGreaterThanOrEqualTo(2 * OPS.length); // every i32 "_b" and "_n" shape
    }

    private static long call(Instance instance, String name, long... args) {
        return instance.export(name).apply(args)[0];
    }
}
