package io.zerostore.sandbox.manifest;

import io.zerostore.sandbox.SandboxException;

/** A manifest or nvram that cannot be parsed; {@link #line()} is 1-based, 0 for the whole file. */
public final class ManifestException extends SandboxException {
    private static final long serialVersionUID = 1L;
    private final int line;

    public ManifestException(int line, String message) {
        super(line > 0 ? "line " + line + ": " + message : message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
