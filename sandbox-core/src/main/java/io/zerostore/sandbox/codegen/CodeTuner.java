package io.zerostore.sandbox.codegen;

import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A peephole pass over the classes Chicory's compiler generates for wasm functions. Chicory
 * emits every comparison as a call returning 0/1 ({@code OpcodeImpl.I32_LT_U}, ...), and a
 * {@code br_if} as that call followed by {@code ifne}/{@code ifeq}. This pass
 * <ul>
 *   <li>fuses "comparison call [+ {@code i32.eqz}...] + {@code ifne}/{@code ifeq}" into one JVM
 *       compare-and-jump
 *       ({@code if_icmplt}, {@code lcmp; iflt}, ...; unsigned operands get their sign bits
 *       flipped first), so HotSpot sees an ordinary loop condition it can reason about, and</li>
 *   <li>sends the remaining comparisons (values used as data) to the branch-free
 *       {@link WasmOps}.</li>
 * </ul>
 * Neither change adds a jump target, so stack map frames stay valid as they are; the operand
 * stack can grow by two slots, so changed methods get {@code maxStack + 2}.
 */
final class CodeTuner {
    private static final String OPCODE_IMPL = "com/dylibso/chicory/runtime/OpcodeImpl";
    private static final String WASM_OPS = WasmOps.class.getName().replace('.', '/');

    /** A comparison: operand width, signedness, and the jump taken when the result is 1. */
    private record Cmp(boolean wide, boolean unsigned, boolean unary, int jumpIfTrue, int jumpIfFalse) {
    }

    private static final Map<String, Cmp> CMPS = Map.ofEntries(
            Map.entry("I32_EQ", new Cmp(false, false, false, Opcodes.IF_ICMPEQ, Opcodes.IF_ICMPNE)),
            Map.entry("I32_NE", new Cmp(false, false, false, Opcodes.IF_ICMPNE, Opcodes.IF_ICMPEQ)),
            Map.entry("I32_EQZ", new Cmp(false, false, true, Opcodes.IFEQ, Opcodes.IFNE)),
            Map.entry("I32_LT_S", new Cmp(false, false, false, Opcodes.IF_ICMPLT, Opcodes.IF_ICMPGE)),
            Map.entry("I32_GT_S", new Cmp(false, false, false, Opcodes.IF_ICMPGT, Opcodes.IF_ICMPLE)),
            Map.entry("I32_LE_S", new Cmp(false, false, false, Opcodes.IF_ICMPLE, Opcodes.IF_ICMPGT)),
            Map.entry("I32_GE_S", new Cmp(false, false, false, Opcodes.IF_ICMPGE, Opcodes.IF_ICMPLT)),
            Map.entry("I32_LT_U", new Cmp(false, true, false, Opcodes.IF_ICMPLT, Opcodes.IF_ICMPGE)),
            Map.entry("I32_GT_U", new Cmp(false, true, false, Opcodes.IF_ICMPGT, Opcodes.IF_ICMPLE)),
            Map.entry("I32_LE_U", new Cmp(false, true, false, Opcodes.IF_ICMPLE, Opcodes.IF_ICMPGT)),
            Map.entry("I32_GE_U", new Cmp(false, true, false, Opcodes.IF_ICMPGE, Opcodes.IF_ICMPLT)),
            Map.entry("I64_EQ", new Cmp(true, false, false, Opcodes.IFEQ, Opcodes.IFNE)),
            Map.entry("I64_NE", new Cmp(true, false, false, Opcodes.IFNE, Opcodes.IFEQ)),
            Map.entry("I64_EQZ", new Cmp(true, false, true, Opcodes.IFEQ, Opcodes.IFNE)),
            Map.entry("I64_LT_S", new Cmp(true, false, false, Opcodes.IFLT, Opcodes.IFGE)),
            Map.entry("I64_GT_S", new Cmp(true, false, false, Opcodes.IFGT, Opcodes.IFLE)),
            Map.entry("I64_LE_S", new Cmp(true, false, false, Opcodes.IFLE, Opcodes.IFGT)),
            Map.entry("I64_GE_S", new Cmp(true, false, false, Opcodes.IFGE, Opcodes.IFLT)),
            Map.entry("I64_LT_U", new Cmp(true, true, false, Opcodes.IFLT, Opcodes.IFGE)),
            Map.entry("I64_GT_U", new Cmp(true, true, false, Opcodes.IFGT, Opcodes.IFLE)),
            Map.entry("I64_LE_U", new Cmp(true, true, false, Opcodes.IFLE, Opcodes.IFGT)),
            Map.entry("I64_GE_U", new Cmp(true, true, false, Opcodes.IFGE, Opcodes.IFLT)));

    private CodeTuner() {
    }

    /** The tuned class, or {@code bytes} itself when it has no comparison to tune. */
    static byte[] tune(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] changed = new boolean[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                return new Peephole(mv, changed);
            }
        }, 0);
        return changed[0] ? writer.toByteArray() : bytes;
    }

    /** Which comparison a call is, or null. Chicory calls {@code i32.ge_u} through its shaded class. */
    private static String comparison(int opcode, String owner, String name) {
        if (opcode != Opcodes.INVOKESTATIC) {
            return null;
        }
        if (owner.equals(OPCODE_IMPL) && CMPS.containsKey(name)) {
            return name;
        }
        if (name.equals("i32_ge_u") && owner.endsWith("Shaded")) {
            return "I32_GE_U";
        }
        return null;
    }

    /** Holds back a comparison call by one instruction to see whether a conditional jump follows. */
    private static final class Peephole extends MethodVisitor {
        private final boolean[] changed;
        private String pending;
        private String pendingDescriptor;
        private boolean negated; // an i32.eqz followed the pending comparison
        private boolean touched;

        Peephole(MethodVisitor mv, boolean[] changed) {
            super(Opcodes.ASM9, mv);
            this.changed = changed;
        }

        private void flush() {
            if (pending != null) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, WASM_OPS, pending, pendingDescriptor, false);
                if (negated) {
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, WASM_OPS, "I32_EQZ", "(I)I", false);
                }
                pending = null;
                negated = false;
                touched = true;
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
            String cmp = comparison(opcode, owner, name);
            if (pending != null && "I32_EQZ".equals(cmp)) {
                negated = !negated; // eqz of a 0/1 result: the opposite comparison
                return;
            }
            flush();
            if (cmp != null) {
                pending = cmp;
                pendingDescriptor = descriptor;
                return;
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, itf);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (pending != null && (opcode == Opcodes.IFNE || opcode == Opcodes.IFEQ)) {
                Cmp c = CMPS.get(pending);
                boolean whenTrue = (opcode == Opcodes.IFNE) != negated;
                pending = null;
                negated = false;
                touched = true;
                if (c.unsigned()) {
                    flipSigns(c.wide());
                }
                if (c.wide()) {
                    if (c.unary()) {
                        super.visitInsn(Opcodes.LCONST_0);
                    }
                    super.visitInsn(Opcodes.LCMP);
                }
                super.visitJumpInsn(whenTrue ? c.jumpIfTrue() : c.jumpIfFalse(), label);
                return;
            }
            flush();
            super.visitJumpInsn(opcode, label);
        }

        /** [a, b] → [a ^ MIN, b ^ MIN]: unsigned order becomes signed order. */
        private void flipSigns(boolean wide) {
            if (wide) {
                super.visitLdcInsn(Long.MIN_VALUE);
                super.visitInsn(Opcodes.LXOR);
                super.visitInsn(Opcodes.DUP2_X2);
                super.visitInsn(Opcodes.POP2);
                super.visitLdcInsn(Long.MIN_VALUE);
                super.visitInsn(Opcodes.LXOR);
                super.visitInsn(Opcodes.DUP2_X2);
                super.visitInsn(Opcodes.POP2);
            } else {
                super.visitLdcInsn(Integer.MIN_VALUE);
                super.visitInsn(Opcodes.IXOR);
                super.visitInsn(Opcodes.SWAP);
                super.visitLdcInsn(Integer.MIN_VALUE);
                super.visitInsn(Opcodes.IXOR);
                super.visitInsn(Opcodes.SWAP);
            }
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            flush();
            if (touched) {
                changed[0] = true;
            }
            super.visitMaxs(touched ? maxStack + 2 : maxStack, maxLocals);
        }

        @Override
        public void visitInsn(int opcode) {
            flush();
            super.visitInsn(opcode);
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            flush();
            super.visitIntInsn(opcode, operand);
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            flush();
            super.visitVarInsn(opcode, varIndex);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            flush();
            super.visitTypeInsn(opcode, type);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            flush();
            super.visitFieldInsn(opcode, owner, name, descriptor);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... args) {
            flush();
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, args);
        }

        @Override
        public void visitLabel(Label label) {
            flush();
            super.visitLabel(label);
        }

        @Override
        public void visitLdcInsn(Object value) {
            flush();
            super.visitLdcInsn(value);
        }

        @Override
        public void visitIincInsn(int varIndex, int increment) {
            flush();
            super.visitIincInsn(varIndex, increment);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            flush();
            super.visitTableSwitchInsn(min, max, dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            flush();
            super.visitLookupSwitchInsn(dflt, keys, labels);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            flush();
            super.visitMultiANewArrayInsn(descriptor, numDimensions);
        }

        @Override
        public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
            flush();
            super.visitFrame(type, numLocal, local, numStack, stack);
        }

        @Override
        public void visitLineNumber(int line, Label start) {
            flush();
            super.visitLineNumber(line, start);
        }

        @Override
        public void visitEnd() {
            flush();
            super.visitEnd();
        }
    }
}
