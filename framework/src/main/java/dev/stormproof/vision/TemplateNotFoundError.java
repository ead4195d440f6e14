package dev.stormproof.vision;

import java.time.Duration;

/**
 * A wait for a template ended without a match. The message says the template, the best score,
 * where (top-left), the threshold and margin, and the timeout, for example
 * {@code arena/shop.png not found within 5s: best score 0.71 at (312, 1804) below threshold 0.90 (margin -0.19)}.
 * The annotated screenshot, the template and a score heatmap were attached to the report.
 */
public class TemplateNotFoundError extends AssertionError {
  private static final long serialVersionUID = 1L;

  /** The template's path. */
  private final String template;
  /** Best score in the last frame, or -1. */
  private final double bestScore;
  /** How long the wait lasted. */
  private final Duration timeout;

  TemplateNotFoundError(String message, String template, double bestScore, Duration timeout) {
    super(message);
    this.template = template;
    this.bestScore = bestScore;
    this.timeout = timeout;
  }

  /** @return the template's path relative to the templates root */
  public String template() {
    return template;
  }

  /** @return the best score seen in the last frame; -1 when there was no candidate at all */
  public double bestScore() {
    return bestScore;
  }

  /** @return how long the wait lasted */
  public Duration timeout() {
    return timeout;
  }
}
