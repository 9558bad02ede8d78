package io.zerostore.sandbox.codegen;

import com.dylibso.chicory.compiler.internal.Compiler;
import com.dylibso.chicory.compiler.internal.Shaded;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.SimpleRemapper;

/**
 * One copy of Chicory's {@code Shaded} helper class (memory access, globals, calls, traps) for
 * all compiled modules, instead of the copy Chicory's compiler makes, verifies and loads for
 * every module (39 KB of bytecode each time). Module class loaders delegate its name here.
 *
 * <p>It is Chicory's own class, renamed to what generated code calls and made public (it is
 * used from other class loaders), with two methods sent to our code: {@code i32_ge_u} (Chicory
 * routes it through a deliberately megamorphic call on JDK 17; see {@link WasmOps}) and
 * {@code checkInterruption}, the check at every loop back-edge and call ({@link Interruption}).
 */
final class SharedShaded extends ClassLoader {
    /** The binary name generated code refers to (class name + "Shaded"). */
    static final String NAME = Compiler.DEFAULT_CLASS_NAME + "Shaded";
    private static final String INTERNAL = NAME.replace('.', '/');

    /** Methods whose body becomes a call to a static method of ours with the same descriptor. */
    private static final Map<String, String[]> PATCHES = Map.of(
            "i32_ge_u", new String[] {Type.getInternalName(WasmOps.class), "I32_GE_U"},
            "checkInterruption", new String[] {Type.getInternalName(Interruption.class), "check"});

    static final SharedShaded LOADER = new SharedShaded();

    private final byte[] bytes = build();

    private SharedShaded() {
        super(SharedShaded.class.getClassLoader());
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (NAME.equals(name)) {
            return defineClass(name, bytes, 0, bytes.length);
        }
        throw new ClassNotFoundException(name);
    }

    private static byte[] build() {
        String original = Type.getInternalName(Shaded.class);
        ClassReader reader = new ClassReader(classBytes(Shaded.class));
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        ClassVisitor patcher = new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                super.visit(version, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name,
                        signature, superName, interfaces);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                String[] target = PATCHES.get(name);
                if (target == null || (access & Opcodes.ACC_STATIC) == 0) {
                    return mv;
                }
                delegate(mv, descriptor, target[0], target[1]);
                return null; // drop the original body
            }
        };
        reader.accept(new ClassRemapper(patcher, new SimpleRemapper(original, INTERNAL)), 0);
        return writer.toByteArray();
    }

    private static void delegate(MethodVisitor mv, String descriptor, String owner, String name) {
        mv.visitCode();
        int slot = 0;
        for (Type t : Type.getArgumentTypes(descriptor)) {
            mv.visitVarInsn(t.getOpcode(Opcodes.ILOAD), slot);
            slot += t.getSize();
        }
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, owner, name, descriptor, false);
        mv.visitInsn(Type.getReturnType(descriptor).getOpcode(Opcodes.IRETURN));
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    static byte[] classBytes(Class<?> c) {
        String resource = Type.getInternalName(c) + ".class";
        try (InputStream in = c.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("class file not found: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
