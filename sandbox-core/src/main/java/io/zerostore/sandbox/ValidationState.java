package io.zerostore.sandbox;

/** ZeroVM's validator state, as reported in {@code X-Nexe-Validation}. */
public enum ValidationState {
    /** 0: the program passed static validation. */
    VALIDATED(0),
    /** 1: the program failed validation and was not run. */
    FAILED(1),
    /** 2: validation did not run (a trusted caller skipped it, or setup failed before it). */
    NOT_RUN(2);

    private final int code;

    ValidationState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
