package io.zerostore.sandbox.image;

import java.io.IOException;

/** A tar image that cannot be mounted (corrupt, compressed, unreadable). */
public final class ImageException extends IOException {
    private static final long serialVersionUID = 1L;

    public ImageException(String message) {
        super(message);
    }
}
