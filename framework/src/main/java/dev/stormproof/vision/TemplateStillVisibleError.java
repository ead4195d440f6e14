package dev.stormproof.vision;

import java.time.Duration;

/**
 * A wait for a template to disappear ({@code waitVanish}, {@code absent = true}) ended with the
 * template still on screen; the message gives its score, place, threshold and margin.
 */
public class TemplateStillVisibleError extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final transient Match match;
  private final Duration timeout;

  public TemplateStillVisibleError(String message, Match match, Duration timeout) {
    super(message);
    this.match = match;
    this.timeout = timeout;
  }

  /** The match still visible in the last frame. */
  public Match match() {
    return match;
  }

  public Duration timeout() {
    return timeout;
  }
}
