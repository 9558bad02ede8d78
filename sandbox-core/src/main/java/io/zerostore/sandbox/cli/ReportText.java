package io.zerostore.sandbox.cli;

import io.zerostore.sandbox.Report;

/**
 * ZeroVM's end-of-run report as text. ZeroVM printed six values, one per line: validator state,
 * daemon flag, user return code, etags, accounting, exit state; its debug build labelled them.
 */
final class ReportText {
    private ReportText() {
    }

    /** ZeroVM's unlabelled six lines (what ZeroCloud parsed). */
    static String raw(Report r) {
        return String.join("\n", values(r)) + "\n";
    }

    /** The labelled lines, one per value. */
    static String labelled(Report r) {
        return String.join("\n", labelledValues(r)) + "\n";
    }

    /** The labelled values on one line, "; "-separated (ZeroVM's log mode). */
    static String oneLine(Report r) {
        return String.join("; ", labelledValues(r)) + "\n";
    }

    private static String[] values(Report r) {
        return new String[] {
            Integer.toString(r.validation().code()),
            "0",
            Integer.toString(r.retcode()),
            r.etagLine(),
            r.accounting().zerovmLine(),
            r.status()
        };
    }

    private static String[] labelledValues(Report r) {
        String[] v = values(r);
        String[] labels = {"validator state", "daemon", "user return code", "etag(s)", "accounting",
            "exit state"};
        String[] out = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = labels[i] + " = " + v[i];
        }
        return out;
    }
}
