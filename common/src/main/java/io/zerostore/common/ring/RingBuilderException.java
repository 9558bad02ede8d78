package io.zerostore.common.ring;

/**
 * An operator's request the ring builder cannot carry out: an unknown or duplicate device id, a
 * bad parameter, rebalancing without weighted devices. The CLI prints the message; a server never
 * sees it (servers only read rings).
 */
public final class RingBuilderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RingBuilderException(String message) {
    super(message);
  }
}
