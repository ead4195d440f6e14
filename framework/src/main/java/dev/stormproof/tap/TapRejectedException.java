package dev.stormproof.tap;

/** A tap was refused: the device's queue was full (overflow {@code reject}, or the blocking wait timed out) or closed. */
public class TapRejectedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  TapRejectedException(String message) {
    super(message);
  }
}
