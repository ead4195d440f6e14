package dev.stormproof.vision;

/** A text was still on the screen when it had to be gone; the message says where it was read. */
public class TextStillVisibleError extends AssertionError {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param message the text, where it was still read and the timeout
   */
  public TextStillVisibleError(String message) {
    super(message);
  }
}
