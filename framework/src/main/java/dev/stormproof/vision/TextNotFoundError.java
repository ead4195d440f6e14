package dev.stormproof.vision;

/**
 * A text (or number) was not on the screen where and when it was expected. The message names the
 * text, the region, the timeout and what was read instead; the report has the region as captured
 * and as Tesseract saw it.
 */
public class TextNotFoundError extends AssertionError {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param message what was expected and what was read
   */
  public TextNotFoundError(String message) {
    super(message);
  }
}
