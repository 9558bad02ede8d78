package io.zerostore.sandbox;

import java.util.Map;
import java.util.StringJoiner;

/**
 * What ZeroVM printed when an instance ended, as a value: the program's return code, a status
 * text, the validator state, per-channel etags and the accounting. A later layer turns it into
 * {@code X-Nexe-Retcode}, {@code X-Nexe-Status}, {@code X-Nexe-Validation}, {@code X-Nexe-Etag}
 * and {@code X-Nexe-Cdr-Line}.
 *
 * @param retcode the program's exit code ({@code proc_exit(n)} → n, returning from main → 0);
 *     {@link #NO_RETCODE} when it did not exit by itself (trap, timeout, not run)
 * @param status {@link #OK}, {@link #TIMEOUT}, "trap: …", "validation failed: …", "setup only",
 *     "memory limit: …" or "error: …"
 * @param validation the validator state
 * @param etags alias → hex MD5 of the bytes through that channel, for channels with etag on
 * @param accounting time, memory and channel counters
 * @param engine whether the code ran compiled or interpreted
 */
public record Report(
        int retcode,
        String status,
        ValidationState validation,
        Map<String, String> etags,
        Accounting accounting,
        Engine engine) {

    public static final int NO_RETCODE = -1;
    public static final String OK = "ok";
    public static final String TIMEOUT = "timeout";
    public static final String SETUP_ONLY = "setup only";

    /** True when the program ran and ended by itself (any exit code). */
    public boolean exited() {
        return OK.equals(status);
    }

    /** ZeroVM's etag field: "alias md5 alias md5 …", or "disabled" when no channel keeps one. */
    public String etagLine() {
        if (etags.isEmpty()) {
            return "disabled";
        }
        StringJoiner j = new StringJoiner(" ");
        etags.forEach((alias, md5) -> j.add(alias).add(md5));
        return j.toString();
    }
}
