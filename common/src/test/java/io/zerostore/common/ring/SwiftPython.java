package io.zerostore.common.ring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs OpenStack Swift's own ring code (python3-swift) when it is installed. */
final class SwiftPython {
  private static final List<String> CANDIDATES = List.of("/usr/bin/python3", "python3");

  private SwiftPython() {
  }

  /** A python interpreter that can import swift.common.ring, if any. */
  static Optional<String> interpreter() {
    for (String python : CANDIDATES) {
      try {
        Process p = new ProcessBuilder(python, "-c", "import swift.common.ring").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
          return Optional.of(python);
        }
        p.destroyForcibly();
      } catch (IOException e) {
        // not installed: try the next one
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Output of swift_ring_dump.py: Swift's view of the ring and of the given partitions. */
  static JsonNode dump(String python, Path ringGz, Path workDir, int... partitions) throws IOException, InterruptedException {
    Path script = workDir.resolve("swift_ring_dump.py");
    try (InputStream in = SwiftPython.class.getResourceAsStream("swift_ring_dump.py")) {
      Files.write(script, in.readAllBytes());
    }
    List<String> cmd = new ArrayList<>(List.of(python, script.toString(), ringGz.toString()));
    for (int p : partitions) {
      cmd.add(Integer.toString(p));
    }
    Process proc = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    byte[] out = proc.getInputStream().readAllBytes();
    if (!proc.waitFor(60, TimeUnit.SECONDS) || proc.exitValue() != 0) {
      proc.destroyForcibly();
      throw new IOException("swift_ring_dump.py failed: " + new String(out, StandardCharsets.UTF_8));
    }
    return new ObjectMapper().readTree(out);
  }
}
