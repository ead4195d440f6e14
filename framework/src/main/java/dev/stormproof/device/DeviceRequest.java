package dev.stormproof.device;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a run asks of the {@link DeviceProvider}s: the selection ({@value #KEY}) and access to the
 * run's configuration and environment. Immutable.
 *
 * @param selection the value of {@value #KEY}: {@code auto} (the default), {@code virtual},
 *     {@code any}, or serials separated by commas
 * @param config the run's configuration parameters ({@code stormproof.*} keys)
 * @param env the process environment ({@code ANDROID_SERIAL}, {@code ANDROID_ADB_SERVER_PORT})
 */
public record DeviceRequest(String selection, Function<String, Optional<String>> config, Function<String, String> env) {

  /** The configuration key that selects devices. */
  public static final String KEY = "stormproof.device";

  /** The default selection: an attached device if there is one, else an embedded one. */
  public static final String AUTO = "auto";

  /**
   * Validates the selection.
   *
   * @param selection the value of {@value #KEY}; trimmed
   * @param config the run's configuration parameters
   * @param env the process environment
   * @throws IllegalArgumentException when {@code selection} is blank
   */
  public DeviceRequest {
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(env, "env");
    selection = selection.trim();
    if (selection.isEmpty()) {
      throw new IllegalArgumentException(KEY + " is empty: use auto, virtual, any, a serial, or leave it unset");
    }
  }

  /**
   * The request a run's configuration makes ({@value #KEY}, default {@value #AUTO}).
   *
   * @param config the run's configuration parameters
   * @param env the process environment
   * @return the request
   */
  public static DeviceRequest from(Function<String, Optional<String>> config, Function<String, String> env) {
    return new DeviceRequest(config.apply(KEY).orElse(AUTO), config, env);
  }

  /**
   * Whether only embedded devices are wanted ({@code stormproof.device=virtual}).
   *
   * @return true for {@code virtual}
   */
  public boolean embeddedOnly() {
    return selection.toLowerCase(Locale.ROOT).equals("virtual");
  }

  /**
   * Whether embedded devices may stand in when no attached device is found: {@code auto} with no
   * {@code ANDROID_SERIAL} (a serial in the environment means "this phone", as it does for adb).
   *
   * @return true when falling back to an embedded device is allowed
   */
  public boolean fallbackAllowed() {
    String serial = env.apply("ANDROID_SERIAL");
    return selection.equalsIgnoreCase(AUTO) && (serial == null || serial.isBlank());
  }
}
