package io.zerostore.deploy.allinone;

/**
 * Lets a child JVM end itself when the process that started it is gone, so a {@code kill -9} of
 * the all-in-one does not leave orphaned storage nodes holding their ports.
 */
public final class ParentWatch {
    /** The system property a launcher sets to its own pid on a child's command line. */
    public static final String PROPERTY = "zerostore.parent.pid";

    private ParentWatch() {
    }

    public static void fromSystemProperty() {
        String pid = System.getProperty(PROPERTY);
        if (pid == null || pid.isBlank()) {
            return;
        }
        ProcessHandle.of(Long.parseLong(pid.strip())).ifPresentOrElse(
                parent -> parent.onExit().thenRun(ParentWatch::parentGone),
                ParentWatch::parentGone);
    }

    private static void parentGone() {
        System.err.println("zerostore: parent process is gone, stopping");
        // exit runs the shutdown hooks, so the role still closes its servers and databases
        System.exit(0);
    }
}
