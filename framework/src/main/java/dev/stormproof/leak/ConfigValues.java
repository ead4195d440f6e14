package dev.stormproof.leak;

import java.util.Optional;
import java.util.function.Function;

/**
 * Parses {@code stormproof.*} configuration values for {@code fromConfig} factories, with
 * messages that name the key, the value and the fix. Stateless.
 */
public final class ConfigValues {
  private ConfigValues() {}

  /** A long, or {@code dflt} when absent or blank. @throws IllegalArgumentException when malformed */
  public static long longValue(Function<String, Optional<String>> config, String key, long dflt) {
    Optional<String> v = config.apply(key);
    if (v.isEmpty() || v.get().isBlank()) {
      return dflt;
    }
    return dev.stormproof.config.ConfigParse.whole(key, v.get());
  }

  /** {@code true}/{@code false}, or {@code dflt} when absent. @throws IllegalArgumentException when malformed */
  public static boolean boolValue(Function<String, Optional<String>> config, String key, boolean dflt) {
    Optional<String> v = config.apply(key);
    if (v.isEmpty() || v.get().isBlank()) {
      return dflt;
    }
    return dev.stormproof.config.ConfigParse.bool(key, v.get());
  }
}
