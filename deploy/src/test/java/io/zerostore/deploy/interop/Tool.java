package io.zerostore.deploy.interop;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real command-line tool (swift, curl) and captures its exit code and output. */
final class Tool {
    private Tool() {
    }

    record Result(int exitCode, String stdout, String stderr) {
        /** The command succeeded; otherwise the assertion message shows everything it printed. */
        Result ok() {
            if (exitCode != 0) {
                fail("exit code " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr);
            }
            return this;
        }

        List<String> lines() {
            return stdout.isEmpty() ? List.of() : List.of(stdout.split("\n"));
        }
    }

    /** The tool's absolute path; a test fails (never skips) when it is missing. */
    static String require(String path, String debianPackage) {
        if (!Files.isExecutable(Path.of(path))) {
            fail(path + " is missing: the interop tests drive the real tool. Install it with"
                    + " 'apt-get install -y " + debianPackage + "' or run .ci/run, which installs"
                    + " everything the tests need.");
        }
        return path;
    }

    static Result run(Path workDir, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        Process p = new ProcessBuilder(new ArrayList<>(command))
                .directory(workDir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timed out: " + command);
        }
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }
}
