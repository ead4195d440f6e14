package dev.stormproof.vision;

import java.time.Duration;

/**
 * A wait for a template to disappear ({@code waitVanish}, {@code absent = true}) ended with the
 * template still on screen; the message gives its score, place, threshold and margin.
 */
public class TemplateStillVisibleError extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final transient Match match;
  /** How long the wait lasted. */
  private final Duration timeout;

  TemplateStillVisibleError(String message, Match match, Duration timeout) {
    super(message);
    this.match = match;
    this.timeout = timeout;
  }

  /** @return the match still visible in the last frame; null after deserialisation */
  public Match match() {
    return match;
  }

  /** @return how long the wait lasted */
  public Duration timeout() {
    return timeout;
  }
}
