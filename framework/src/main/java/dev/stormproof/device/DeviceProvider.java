package dev.stormproof.device;

/**
 * A source of devices for a test run, found with {@link java.util.ServiceLoader}: a provider
 * module lists its implementation in
 * {@code META-INF/services/dev.stormproof.device.DeviceProvider}. Stormproof ships two: Android
 * devices behind adb servers ({@code adb}, in the framework) and the embedded virtual device
 * ({@code virtual}, in {@code stormproof-virtual-device}). A new platform (iOS, a cloud farm) is
 * a new module with one provider; nothing else changes.
 *
 * <p>{@link DeviceSelection} asks the providers once per run. Implementations need a public
 * no-argument constructor and must be thread-safe; they start nothing until {@link #open}.
 */
public interface DeviceProvider {

  /** What kind of devices a provider offers, which decides when it is asked. */
  enum Kind {
    /** Devices that exist outside the JVM (phones, emulators): asked first. */
    ATTACHED,
    /**
     * Devices the provider starts itself: used when the configuration asks for them, or, with
     * {@code stormproof.device=auto}, when no attached device was found.
     */
    EMBEDDED
  }

  /**
   * A short name shown in messages and in {@code stormproof.device} ({@code adb}, {@code virtual}).
   *
   * @return the provider's name, lower case, never blank
   */
  String name();

  /**
   * Whether this provider's devices are attached or embedded.
   *
   * @return the kind, never null
   */
  Kind kind();

  /**
   * Opens the devices this provider offers for {@code request}.
   *
   * @param request the run's device selection and configuration
   * @return the devices (possibly none, with the reason) and what else must be closed with them;
   *     the caller owns the result and closes it at the end of the run
   * @throws DeviceException when the request names devices this provider cannot give (a serial
   *     no adb server lists) or a configured source does not answer
   * @throws IllegalArgumentException when a configuration value is malformed (the message names
   *     the key, the value and the fix)
   */
  ProvidedDevices open(DeviceRequest request);
}
