package dev.stormproof.vision;

import java.time.Duration;
import java.util.Optional;

/**
 * "This text must be on the screen" (or, with {@link #absent}, "must not be"), in a region or
 * anywhere, within a timeout. Immutable. {@link ScreenText#awaitAll} waits for several at once,
 * checking all pending ones on one frame per poll cycle.
 */
public final class TextExpectation {

  private final String text;
  private final Region region;
  private final boolean absent;
  private final Duration timeout;

  private TextExpectation(String text, Region region, boolean absent, Duration timeout) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the text to expect is empty: give the words as the screen shows them, "
          + "for example \"COLLECT\"");
    }
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("text '" + text + "': timeout " + timeout + " must be positive, for example 5s");
    }
    this.text = text;
    this.region = region;
    this.absent = absent;
    this.timeout = timeout;
  }

  /**
   * The text must appear.
   *
   * @param text the words as the screen shows them (case and spacing are ignored)
   * @param region where to read, or null for the whole screen (slower: prefer a region)
   * @return the expectation, with the Vision's default timeout
   * @throws IllegalArgumentException when the text is empty
   */
  public static TextExpectation visible(String text, Region region) {
    return new TextExpectation(text, region, false, null);
  }

  /**
   * The text must not be (or must stop being) on the screen.
   *
   * @param text the words as the screen shows them
   * @param region where to read, or null for the whole screen
   * @return the expectation, with the Vision's default timeout
   * @throws IllegalArgumentException when the text is empty
   */
  public static TextExpectation absent(String text, Region region) {
    return new TextExpectation(text, region, true, null);
  }

  /**
   * This expectation with its own timeout.
   *
   * @param timeout positive
   * @return a copy
   * @throws IllegalArgumentException when the timeout is not positive
   */
  public TextExpectation withTimeout(Duration timeout) {
    return new TextExpectation(text, region, absent, timeout);
  }

  /**
   * The expected text.
   *
   * @return the text
   */
  public String text() {
    return text;
  }

  /**
   * Where it is read.
   *
   * @return the region, or empty for the whole screen
   */
  public Optional<Region> region() {
    return Optional.ofNullable(region);
  }

  /**
   * Whether the text must be absent.
   *
   * @return true for "must not be visible"
   */
  public boolean absent() {
    return absent;
  }

  /**
   * The timeout that applies.
   *
   * @param defaults the Vision's options
   * @return this expectation's timeout, else the default
   */
  public Duration timeout(VisionOptions defaults) {
    return timeout != null ? timeout : defaults.timeout();
  }

  @Override
  public String toString() {
    return (absent ? "absent text '" : "visible text '") + text + "'" + (region == null ? "" : " in " + region);
  }
}
