package io.zerostore.sandbox.codegen;

import com.dylibso.chicory.compiler.internal.Compiler;
import com.dylibso.chicory.compiler.internal.Shaded;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.runtime.OpcodeImpl;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compiled modules on disk, so that a program is compiled once per machine rather than once per
 * JVM: after a restart, or for a CLI run, loading a cached module only defines its classes
 * (Lua: ~135 ms of compiling saved per load on a warm JVM, far more on a cold one). Filling the
 * directory ahead of time is this sandbox's build-time compilation for programs shipped with a
 * node (system images such as Lua).
 *
 * <p>Entries are keyed by the SHA-256 of the wasm bytes (never by a caller's ETag: the classes
 * run as the program that was validated) and carry a fingerprint of the code generator (Chicory's
 * compiler and runtime classes and ours), so an upgrade ignores old entries and rewrites them.
 * A missing, stale or unreadable entry is a miss. The directory must be as private to the node as
 * its jar files: whoever can write there can run code in the JVM.
 */
public final class CompiledCache {
    private static final int MAGIC = 0x5A53434D; // "ZSCM"
    private static final int FORMAT = 1;
    private static final int MAX_CLASSES = 1 << 16;
    private static final int MAX_CLASS_BYTES = 64 << 20;
    private static final String FINGERPRINT = fingerprint();

    private final Path dir;

    public CompiledCache(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the compiled-module cache " + dir, e);
        }
    }

    /** The key of {@code wasm}: hex SHA-256. */
    public static String key(byte[] wasm) {
        return HexFormat.of().formatHex(sha256().digest(wasm));
    }

    /** The cached classes of the module with this key, or null. */
    public ModuleCompiler.Classes read(String key) {
        Path f = file(key);
        try (InputStream raw = Files.newInputStream(f);
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT || !in.readUTF().equals(FINGERPRINT)) {
                return null;
            }
            String main = in.readUTF();
            int n = in.readInt();
            if (n <= 0 || n > MAX_CLASSES) {
                return null;
            }
            Map<String, byte[]> classes = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                int len = in.readInt();
                if (len <= 0 || len > MAX_CLASS_BYTES) {
                    return null;
                }
                byte[] bytes = in.readNBytes(len);
                if (bytes.length != len) {
                    return null;
                }
                classes.put(name, bytes);
            }
            return classes.containsKey(main) ? new ModuleCompiler.Classes(main, classes) : null;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            return null; // truncated or foreign: compile again and overwrite
        }
    }

    /** Stores {@code compiled} under {@code key}, atomically; failures only cost a recompile later. */
    public void write(String key, ModuleCompiler.Classes compiled) {
        Path target = file(key);
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, key, ".tmp");
            try (OutputStream raw = Files.newOutputStream(tmp);
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
                out.writeInt(MAGIC);
                out.writeInt(FORMAT);
                out.writeUTF(FINGERPRINT);
                out.writeUTF(compiled.mainClass());
                out.writeInt(compiled.classes().size());
                for (var e : compiled.classes().entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeInt(e.getValue().length);
                    out.write(e.getValue());
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            // a full or read-only disk: keep running, the module is compiled in memory anyway
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
        }
    }

    private Path file(String key) {
        if (!key.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 key: " + key);
        }
        return dir.resolve(key + ".classes");
    }

    /** What generated code depends on: Chicory's compiler and runtime, and this package. */
    private static String fingerprint() {
        MessageDigest md = sha256();
        for (Class<?> c : new Class<?>[] {Compiler.class, Shaded.class, OpcodeImpl.class, Instance.class,
            Machine.class, ModuleCompiler.class, CodeTuner.class, WasmOps.class, SharedShaded.class,
            Interruption.class, LinearMemory.class}) {
            md.update(SharedShaded.classBytes(c));
            for (Class<?> nested : c.getDeclaredClasses()) {
                md.update(SharedShaded.classBytes(nested));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
