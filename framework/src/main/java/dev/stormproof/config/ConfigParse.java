package dev.stormproof.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

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

  /**
   * Sets one option from configuration.
   *
   * @param <O> the options type
   */
  @FunctionalInterface
  public interface Setter<O> {
    /**
     * Returns {@code options} with {@code value} (the key's raw text) applied.
     *
     * @param options the options so far
     * @param value the configured text
     * @return the new options
     * @throws IllegalArgumentException when the value is malformed or breaks a rule
     */
    O set(O options, String value);
  }

  /**
   * The one way option readers apply a key: absent or blank, {@code options} is returned unchanged;
   * present, {@code setter} applies it. A rule the setter enforces without naming the key (a
   * {@code withX} method that knows no configuration) is reported as
   * {@code key=value is refused: <the rule and its fix>}, so every configuration error names
   * the key, the value and the fix.
   *
   * @param <O> the options type
   * @param config the configuration lookup
   * @param key the key to read
   * @param options the options so far
   * @param setter applies the value
   * @return the options with the key applied
   * @throws IllegalArgumentException naming key, value and fix
   */
  public static <O> O apply(Function<String, Optional<String>> config, String key, O options,
      Setter<O> setter) {
    Optional<String> v = config.apply(key);
    if (v.isEmpty() || v.get().isBlank()) {
      return options; // a blank -Dkey= means "not set", as in junit-platform.properties
    }
    try {
      return setter.set(options, v.get());
    } catch (IllegalArgumentException e) {
      String m = String.valueOf(e.getMessage());
      if (m.startsWith(key + "=") || m.startsWith(key + " ")) { // names key and value already
        throw e;
      }
      throw new IllegalArgumentException(key + "=" + v.get() + " is refused: " + m, e);
    }
  }

  /**
   * A whole number (any sign; the option's own rule checks the range).
   *
   * @param key the configuration key, for the message
   * @param value the text to parse
   * @return the number
   */
  public static long whole(String key, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + "=" + value + " is not a whole number, for example 2", e);
    }
  }

  /**
   * Whole milliseconds, 0 or more.
   *
   * @param key the configuration key, for the message
   * @param value the text to parse
   * @param example a sensible value, for the message
   * @return the duration
   */
  public static Duration millis(String key, String value, long example) {
    long ms = whole(key, value);
    if (ms < 0) {
      throw new IllegalArgumentException(key + "=" + value
          + " is negative: use whole milliseconds, 0 or more, for example " + example);
    }
    return Duration.ofMillis(ms);
  }

  /**
   * A decimal number (the option's own rule checks the range).
   *
   * @param key the configuration key, for the message
   * @param value the text to parse
   * @return the number
   */
  public static double decimal(String key, String value) {
    try {
      double d = Double.parseDouble(value.trim());
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException ignored) {
      // reported below with the key and the fix
    }
    throw new IllegalArgumentException(key + "=" + value + " is not a number, for example 0.5");
  }
}
