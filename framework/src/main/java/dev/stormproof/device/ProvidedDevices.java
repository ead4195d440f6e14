package dev.stormproof.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The devices one {@link DeviceProvider} opened for a run, why (or why none), and what else must
 * be closed with them (an embedded device's server, for example). Closing closes the devices
 * first, then the resources, in reverse order of their listing. Thread-safe; closing is
 * idempotent.
 */
public final class ProvidedDevices implements AutoCloseable {

  private final List<Device> devices;
  private final String description;
  private final List<AutoCloseable> resources;
  private boolean closed;

  private ProvidedDevices(List<? extends Device> devices, String description, List<? extends AutoCloseable> resources) {
    this.devices = List.copyOf(devices);
    this.description = Objects.requireNonNull(description, "description");
    this.resources = List.copyOf(resources);
  }

  /**
   * Devices a provider opened.
   *
   * @param devices the devices, each opened and owned by the result
   * @param description what was picked and where, for the console and the report, for example
   *     {@code "emulator-5554 on adb server 127.0.0.1:5037"}
   * @param resources closed after the devices, last first (servers the devices live on)
   * @return the provided devices
   */
  public static ProvidedDevices of(List<? extends Device> devices, String description, List<? extends AutoCloseable> resources) {
    return new ProvidedDevices(devices, description, resources);
  }

  /**
   * No device, and why, for example {@code "no device on adb server 127.0.0.1:5037 (connection refused)"}.
   *
   * @param why the reason, shown to the user
   * @return an empty result
   */
  public static ProvidedDevices none(String why) {
    return new ProvidedDevices(List.of(), why, List.of());
  }

  /**
   * The devices, in the provider's order.
   *
   * @return an immutable list, empty when the provider found none
   */
  public List<Device> devices() {
    return devices;
  }

  /**
   * What was picked and where, or why nothing was.
   *
   * @return a human-readable sentence fragment
   */
  public String description() {
    return description;
  }

  /**
   * The resources of a type, for tests that need the embedded devices themselves.
   *
   * @param <T> the resource type
   * @param type the resource class, for example the virtual device's class
   * @return the resources that are instances of {@code type}, in listing order
   */
  public <T> List<T> resources(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (AutoCloseable r : resources) {
      if (type.isInstance(r)) {
        out.add(type.cast(r));
      }
    }
    return out;
  }

  /** Closes the devices, then the resources (last first); the first failure is thrown, others suppressed. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<AutoCloseable> order = new ArrayList<>(devices);
    for (int i = resources.size() - 1; i >= 0; i--) {
      order.add(resources.get(i));
    }
    Closing.closeAll(order);
  }
}
