package dev.stormproof.config;

import java.time.Duration;
import java.util.Locale;

/**
 * Parsing of {@code stormproof.*} values with messages that name the key, the value and the fix.
 * Every method throws {@link IllegalArgumentException} with such a message on a bad value.
 *
 * <p>Internal: public for Stormproof's other packages and modules; not part of the API.
 */
public final class ConfigParse {

  private ConfigParse() {}

  /**
   * A positive duration: {@code 250ms}, {@code 10s}, {@code 2m}, or ISO-8601 {@code PT10S}.
   *
   * @param key the configuration key, for the message
   * @param value the text to parse
   * @return the duration
   */
  public static Duration duration(String key, String value) {
    Duration d;
    try {
      d = DurationText.parse(value);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          key + "=" + value + " is not a duration: write it like 250ms, 10s, 2m or PT10S", e);
    }
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(key + "=" + value + " must be positive, for example 10s");
    }
    return d;
  }

  /**
   * {@code true} or {@code false}, in any case.
   *
   * @param key the configuration key, for the message
   * @param value the text to parse
   * @return the boolean
   */
  public static boolean bool(String key, String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("true") || v.equals("false")) {
      return Boolean.parseBoolean(v);
    }
    throw new IllegalArgumentException(key + "=" + value + " is not a boolean: use true or false");
  }

  /**
   * A whole number of at least 1.
   *
   * @param key the configuration key, for the message
   * @param value the text to parse
   * @return the number
   */
  public static int positiveInt(String key, String value) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // reported below with the key and the fix
    }
    throw new IllegalArgumentException(key + "=" + value + " is not a positive whole number, for example 2");
  }

  /**
   * One of an enum's constants, named in any case.
   *
   * @param <E> the enum type
   * @param key the configuration key, for the message
   * @param value the text to parse
   * @param type the enum class
   * @return the constant
   */
  public static <E extends Enum<E>> E choice(String key, String value, Class<E> type) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      StringBuilder options = new StringBuilder();
      for (E c : type.getEnumConstants()) {
        options.append(options.length() == 0 ? "" : ", ").append(c.name().toLowerCase(Locale.ROOT));
      }
      throw new IllegalArgumentException(key + "=" + value + " is not one of: " + options, e);
    }
  }
}
