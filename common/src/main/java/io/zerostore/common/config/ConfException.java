package io.zerostore.common.config;

/** A configuration that cannot be used: the message names the file, line or key. */
public class ConfException extends RuntimeException {
    public ConfException(String message) {
        super(message);
    }
}
