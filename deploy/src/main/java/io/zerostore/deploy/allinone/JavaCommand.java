package io.zerostore.deploy.allinone;

import io.zerostore.deploy.Zerostore;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command line of a child JVM that runs one {@code zerostore} subcommand with this JVM's
 * classpath (the shaded jar when launched by {@code ./zerostore}, the Maven classpath in tests).
 */
public final class JavaCommand {
    /** Extra JVM options for child roles, from the environment (space-separated). */
    public static final String OPTS_ENV = "ZEROSTORE_CHILD_JAVA_OPTS";
    /** The sandbox's compiled Lua interpreter has methods above HotSpot's 8000-byte JIT limit. */
    static final List<String> DEFAULT_JVM_OPTS = List.of(
            "-XX:-DontCompileHugeMethods", "-XX:+ExitOnOutOfMemoryError", "-Xmx512m");

    private JavaCommand() {
    }

    public static List<String> of(List<String> zerostoreArgs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(DEFAULT_JVM_OPTS);
        String env = System.getenv(OPTS_ENV);
        if (env != null && !env.isBlank()) {
            cmd.addAll(Arrays.asList(env.strip().split("\\s+")));
        }
        cmd.add("-D" + ParentWatch.PROPERTY + "=" + ProcessHandle.current().pid());
        cmd.add("-cp");
        cmd.add(absoluteClassPath());
        cmd.add(Zerostore.class.getName());
        cmd.addAll(zerostoreArgs);
        return cmd;
    }

    private static String absoluteClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isEmpty())
                .map(s -> Path.of(s).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }
}
