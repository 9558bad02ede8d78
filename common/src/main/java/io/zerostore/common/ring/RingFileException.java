package io.zerostore.common.ring;

import java.io.IOException;

/** A ring or builder file that exists but cannot be understood (bad magic, truncated, inconsistent). */
public final class RingFileException extends IOException {
  private static final long serialVersionUID = 1L;

  public RingFileException(String message) {
    super(message);
  }

  public RingFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
