package dev.stormproof.config;

import java.time.Duration;
import java.util.Locale;

/**
 * The duration syntax of {@code stormproof.*} keys: {@code 250ms} (whole milliseconds),
 * {@code 10s} or {@code 1.5s} (seconds, rounded to the millisecond), {@code 2m} (whole minutes)
 * or ISO-8601 {@code PT10S}; case and surrounding blanks are ignored. Stateless, thread-safe.
 *
 * <p>Internal: public for Stormproof's other packages; not part of the API.
 */
public final class DurationText {

  private DurationText() {}

  /**
   * The duration {@code text} spells; zero and negative values are returned as written, for the
   * caller to judge.
   *
   * @param text for example {@code 250ms}, {@code 5s}, {@code 2m} or {@code PT5S}
   * @return the duration
   * @throws RuntimeException ({@link NumberFormatException} or
   *     {@link java.time.format.DateTimeParseException}, without a user-facing message) when
   *     {@code text} has none of the shapes above: callers wrap it in a message naming their key
   */
  public static Duration parse(String text) {
    String v = text.trim().toLowerCase(Locale.ROOT);
    if (v.startsWith("pt")) {
      return Duration.parse(v.toUpperCase(Locale.ROOT));
    } else if (v.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
    } else if (v.endsWith("s")) {
      return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1).trim()) * 1000));
    } else if (v.endsWith("m")) {
      return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1).trim()) * 60);
    }
    throw new NumberFormatException(v);
  }
}
