package io.zerostore.sandbox.codegen;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.internal.ClassCollector;
import com.dylibso.chicory.compiler.internal.Compiler;
import com.dylibso.chicory.compiler.internal.Shaded;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Compiles a wasm module to JVM classes with Chicory's compiler (functions too big for one JVM
 * method stay interpreted) and loads them: every generated class goes through {@link CodeTuner},
 * the classes share one {@link SharedShaded} helper class, and each class is defined and verified
 * once, in the module's own class loader (Chicory's stock collector defines function classes
 * twice). The result is a machine factory for {@code Instance.builder(..).withMachineFactory}.
 */
public final class ModuleCompiler {
    private static final byte[] PLACEHOLDER = placeholder();

    private ModuleCompiler() {
    }

    /** A compiled module's classes (binary name to class file) and its {@code Machine} class. */
    public record Classes(String mainClass, Map<String, byte[]> classes) {
        public Classes {
            classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
            if (!classes.containsKey(mainClass)) {
                throw new IllegalArgumentException("no main class " + mainClass);
            }
        }
    }

    /**
     * Compiles and loads {@code module}; throws (a {@code RuntimeException} or
     * {@code LinkageError}) when the module cannot be compiled, in which case it can still run
     * interpreted.
     */
    public static Function<Instance, Machine> compile(WasmModule module) {
        return load(generate(module));
    }

    /** Compiles {@code module} to (tuned) class files without loading them. */
    public static Classes generate(WasmModule module) {
        var result = Compiler.builder(module)
                .withClassName(Compiler.DEFAULT_CLASS_NAME)
                .withInterpreterFallback(InterpreterFallback.SILENT)
                .withClassCollectorFactory(Collector::new)
                .build()
                .compile();
        Collector c = (Collector) result.collector();
        return new Classes(c.mainClass, c.classes);
    }

    /**
     * Defines, verifies and initialises {@code compiled} in a class loader of its own and
     * returns its machine factory; a {@code LinkageError} (e.g. {@code VerifyError}) when the
     * classes are not valid.
     */
    public static Function<Instance, Machine> load(Classes compiled) {
        ModuleLoader loader = new ModuleLoader(compiled.classes());
        try {
            for (String name : compiled.classes().keySet()) {
                Class.forName(name, true, loader); // define, verify and initialise now
            }
            Class<?> main = loader.loadClass(compiled.mainClass());
            loader.forgetBytes();
            MethodHandle ctor = MethodHandles.publicLookup()
                    .findConstructor(main, MethodType.methodType(void.class, Instance.class))
                    .asType(MethodType.methodType(Machine.class, Instance.class));
            return new Factory(ctor);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load compiled module: " + e, e);
        }
    }

    /** Stores (tuned) class bytes; nothing is defined until {@link #load}. */
    private static final class Collector implements ClassCollector {
        private final Map<String, byte[]> classes = new LinkedHashMap<>();
        private String mainClass;

        @Override
        public String mainClassName() {
            return mainClass;
        }

        @Override
        public void putMainClass(String className, byte[] bytes) {
            mainClass = binaryName(className);
            put(className, bytes);
        }

        @Override
        public void put(String className, byte[] bytes) {
            String name = binaryName(className);
            if (!name.equals(SharedShaded.NAME)) {
                classes.put(name, CodeTuner.tune(bytes));
            }
        }

        @Override
        public void putAll(ClassCollector other) {
            classes.putAll(other.classBytes());
        }

        @Override
        public Map<String, byte[]> classBytes() {
            return Collections.unmodifiableMap(classes);
        }

        /** Chicory asks only for its Shaded class, to copy it per module: we give it a stub. */
        @Override
        public byte[] resolve(Class<?> c) {
            return c == Shaded.class ? PLACEHOLDER : SharedShaded.classBytes(c);
        }

        private static String binaryName(String name) {
            return name.replace('/', '.');
        }
    }

    private record Factory(MethodHandle ctor) implements Function<Instance, Machine> {
        @Override
        public Machine apply(Instance instance) {
            try {
                return (Machine) ctor.invokeExact(instance);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
    }

    /** A module's classes, defined on first use; everything else comes from the shared loader. */
    private static final class ModuleLoader extends ClassLoader {
        private volatile Map<String, byte[]> classes;

        ModuleLoader(Map<String, byte[]> classes) {
            super(SharedShaded.LOADER);
            this.classes = classes;
        }

        /** Every class is defined: the class files need not stay in memory with the program. */
        void forgetBytes() {
            classes = Map.of();
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = classes.get(name);
            if (b == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, b, 0, b.length);
        }
    }

    private static byte[] placeholder() {
        ClassWriter w = new ClassWriter(0);
        w.visit(Opcodes.V11, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, "io/zerostore/sandbox/codegen/Placeholder",
                null, "java/lang/Object", null);
        w.visitEnd();
        return w.toByteArray();
    }
}
