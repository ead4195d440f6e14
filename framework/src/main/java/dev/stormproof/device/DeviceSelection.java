package dev.stormproof.device;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The devices of one run, picked from every {@link DeviceProvider} on the class path, with the
 * reason in words ({@link #explanation()}): "no device on adb server 127.0.0.1:5037 (connection
 * refused); started the embedded virtual device 127.0.0.1:40123".
 *
 * <p>{@code stormproof.device=auto} (the default) asks the attached providers and falls back to
 * the embedded ones when they found nothing and {@code ANDROID_SERIAL} is unset;
 * {@code virtual} asks only embedded providers; {@code any} and serials ask only attached ones.
 * The selection owns what the providers opened and closes it. Thread-safe.
 */
public final class DeviceSelection implements AutoCloseable {

  /** What the user adds to get the embedded device. */
  static final String VIRTUAL_ARTIFACT = "dev.stormproof:stormproof-virtual-device";

  private final List<ProvidedDevices> provided;
  private final List<Device> devices;
  private final String explanation;

  private DeviceSelection(List<ProvidedDevices> provided, String explanation) {
    this.provided = List.copyOf(provided);
    List<Device> all = new ArrayList<>();
    provided.forEach(p -> all.addAll(p.devices()));
    this.devices = List.copyOf(all);
    this.explanation = explanation;
  }

  /**
   * Picks the run's devices from the providers {@link ServiceLoader} finds through {@code loader}.
   *
   * @param config the run's configuration parameters
   * @param env the process environment
   * @param loader where providers are looked up (the test class path)
   * @return the selection, with at least one device
   * @throws DeviceNotFoundException when no provider gives a device, naming every fix
   */
  public static DeviceSelection open(Function<String, Optional<String>> config, Function<String, String> env, ClassLoader loader) {
    List<DeviceProvider> providers = new ArrayList<>();
    ServiceLoader.load(DeviceProvider.class, loader).forEach(providers::add);
    return open(providers, DeviceRequest.from(config, env));
  }

  /**
   * Picks devices from {@code providers} for {@code request}.
   *
   * @param providers the candidates, in any order (attached ones are asked first)
   * @param request what the run asks for
   * @return the selection, with at least one device
   * @throws DeviceNotFoundException when no provider gives a device, naming every fix
   */
  public static DeviceSelection open(List<DeviceProvider> providers, DeviceRequest request) {
    List<DeviceProvider> attached = byKind(providers, DeviceProvider.Kind.ATTACHED);
    List<DeviceProvider> embedded = byKind(providers, DeviceProvider.Kind.EMBEDDED);
    List<ProvidedDevices> opened = new ArrayList<>();
    try {
      if (request.embeddedOnly()) {
        if (embedded.isEmpty()) {
          throw new DeviceNotFoundException(DeviceRequest.KEY + "=virtual, but no embedded device provider is on the class path; "
              + "add " + VIRTUAL_ARTIFACT + " in test scope, or unset " + DeviceRequest.KEY + " to use attached devices");
        }
        return openAll(embedded, request, opened, "");
      }
      List<String> reasons = new ArrayList<>();
      for (DeviceProvider p : attached) {
        ProvidedDevices d = p.open(request);
        opened.add(d);
        if (!d.devices().isEmpty()) {
          return new DeviceSelection(opened, d.description());
        }
        reasons.add(d.description());
      }
      String why = reasons.isEmpty() ? "no attached-device provider" : String.join("; ", reasons);
      if (!request.fallbackAllowed()) {
        throw new DeviceNotFoundException(why + "; attach a device (check 'adb devices'), or set " + DeviceRequest.KEY + "=virtual");
      }
      if (embedded.isEmpty()) {
        throw new DeviceNotFoundException(why + ", and no embedded virtual device is on the class path; either attach a phone "
            + "(USB or 'adb connect host:port', then check 'adb devices'; ANDROID_ADB_SERVER_PORT or stormproof.adb.servers for "
            + "another adb server), or add " + VIRTUAL_ARTIFACT + " in test scope");
      }
      closeAll(opened); // the empty attached results hold nothing, but they are ours to close
      opened.clear();
      return openAll(embedded, request, opened, why + "; ");
    } catch (RuntimeException e) {
      try {
        closeAll(opened);
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private static DeviceSelection openAll(List<DeviceProvider> providers, DeviceRequest request, List<ProvidedDevices> opened,
      String prefix) {
    List<String> parts = new ArrayList<>();
    for (DeviceProvider p : providers) {
      ProvidedDevices d = p.open(request);
      opened.add(d);
      parts.add(d.description());
    }
    DeviceSelection s = new DeviceSelection(opened, prefix + String.join("; ", parts));
    if (s.devices.isEmpty()) {
      throw new DeviceNotFoundException(s.explanation + "; no embedded provider started a device");
    }
    return s;
  }

  private static List<DeviceProvider> byKind(List<DeviceProvider> providers, DeviceProvider.Kind kind) {
    return providers.stream().filter(p -> p.kind() == kind).sorted(Comparator.comparing(DeviceProvider::name)).toList();
  }

  private static void closeAll(List<ProvidedDevices> opened) {
    Closing.closeAll(opened);
  }

  /**
   * The run's devices, attached or embedded, in provider order.
   *
   * @return an immutable, non-empty list
   */
  public List<Device> devices() {
    return devices;
  }

  /**
   * Which devices were picked and why, for the console and the report's environment.
   *
   * @return for example {@code "no device on adb server 127.0.0.1:5037 (connection refused); started the embedded virtual device 127.0.0.1:40123"}
   */
  public String explanation() {
    return explanation;
  }

  /**
   * Resources of a type that the providers opened (the embedded virtual devices, for tests).
   *
   * @param <T> the resource type
   * @param type the resource class
   * @return matching resources, in provider order
   */
  public <T> List<T> resources(Class<T> type) {
    List<T> out = new ArrayList<>();
    provided.forEach(p -> out.addAll(p.resources(type)));
    return out;
  }

  /** Closes every device and resource the providers opened. */
  @Override
  public void close() {
    closeAll(provided);
  }
}
