package io.zerostore.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar runs a WebAssembly program: Chicory and its services survived the shading. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZerovmJarIT {
    @TempDir
    Path dir;

    @Test
    void helloWorldUnderAZerovmManifest() throws Exception {
        String jar = System.getProperty("zerostore.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            fail("needs the shaded jar (system property zerostore.jar = " + jar + "); run 'mvn verify'");
        }
        Path hello = Path.of("..", "examples", "wasm", "hello.wasm").toAbsolutePath().normalize();
        assertThat(hello).exists();
        Path manifest = dir.resolve("hello.manifest");
        Files.writeString(manifest, "Version = 20130611\nTimeout = 10\nMemory = 67108864,0\n"
                + "Program = " + hello + "\n"
                + "Channel = /dev/stdout,/dev/stdout,0,0,0,0,100,1000\n");

        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-DontCompileHugeMethods", "-jar", jar, "zerovm", "-t", "2", manifest.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).startsWith("Hello, World!\n0\n0\n0\ndisabled\n").endsWith("\nok\n");
    }
}
