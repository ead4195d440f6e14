package dev.stormproof.tap;

import java.util.concurrent.CancellationException;

/** A queued tap was dropped before delivery: its owner (test or task) ended, or the queue closed. */
public class TapCancelledException extends CancellationException {
  private static final long serialVersionUID = 1L;

  TapCancelledException(String message) {
    super(message);
  }
}
