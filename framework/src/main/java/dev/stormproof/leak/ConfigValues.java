package dev.stormproof.leak;

import java.util.Optional;
import java.util.function.Function;

/**
 * Parses {@code stormproof.*} configuration values for {@code fromConfig} factories, with
 * messages that name the key, the value and the fix. Stateless.
 *
 * <p>Internal: public for {@code dev.stormproof.tasks}; not part of the API.
 */
public final class ConfigValues {
  private ConfigValues() {}

  /**
   * Reads a whole number.
   *
   * @param config looks up a configuration parameter by key
   * @param key the key
   * @param dflt returned when the key is absent or blank
   * @return the value
   * @throws IllegalArgumentException naming the key when malformed
   */
  public static long longValue(Function<String, Optional<String>> config, String key, long dflt) {
    Optional<String> v = config.apply(key);
    if (v.isEmpty() || v.get().isBlank()) {
      return dflt;
    }
    return dev.stormproof.config.ConfigParse.whole(key, v.get());
  }

  /**
   * Reads {@code true} or {@code false}, ignoring case.
   *
   * @param config looks up a configuration parameter by key
   * @param key the key
   * @param dflt returned when the key is absent or blank
   * @return the value
   * @throws IllegalArgumentException naming the key when malformed
   */
  public static boolean boolValue(Function<String, Optional<String>> config, String key, boolean dflt) {
    Optional<String> v = config.apply(key);
    if (v.isEmpty() || v.get().isBlank()) {
      return dflt;
    }
    return dev.stormproof.config.ConfigParse.bool(key, v.get());
  }
}
