package io.zerostore.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads the committed example programs ({@code examples/wasm/*.wasm}) for tests. */
public final class Examples {
    private Examples() {
    }

    /** The examples/wasm directory, from the module directory or the repository root. */
    public static Path dir() {
        for (String candidate : new String[] {"../examples/wasm", "examples/wasm"}) {
            Path p = Path.of(candidate);
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalStateException("examples/wasm not found from " + Path.of("").toAbsolutePath());
    }

    public static Path path(String name) {
        return dir().resolve(name);
    }

    /** A test-only program built from src/test/c into the test resources. */
    public static byte[] resource(String name) {
        try (var in = Examples.class.getResourceAsStream("/" + name + ".wasm")) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name + ".wasm");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(path(name.contains(".") ? name : name + ".wasm"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
