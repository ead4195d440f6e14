package dev.stormproof.device.virtual;

import dev.stormproof.config.ConfigParse;
import dev.stormproof.device.Device;
import dev.stormproof.device.DeviceProvider;
import dev.stormproof.device.DeviceRequest;
import dev.stormproof.device.ProvidedDevices;
import dev.stormproof.device.adb.AdbDevice;
import dev.stormproof.device.adb.AdbOptions;
import dev.stormproof.device.virtual.arena.ArenaGame;
import dev.stormproof.device.virtual.arena.ArenaOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code virtual} provider: starts embedded {@link VirtualDevice}s on loopback and reaches
 * them through the same ADB adapter a phone uses. Asked when {@code stormproof.device=virtual},
 * or under {@code auto} when no phone is attached. Registered in
 * {@code META-INF/services/dev.stormproof.device.DeviceProvider}; public only for
 * {@link java.util.ServiceLoader}.
 *
 * <p>Keys: {@value #COUNT_KEY} (default {@value #DEFAULT_COUNT}), the
 * {@code stormproof.virtual.*} keys of {@link VirtualDeviceOptions}, and Arena's
 * {@code stormproof.arena.*} keys when Arena is the app (one game per device).
 */
public final class VirtualDeviceProvider implements DeviceProvider {

  /** How many embedded devices to start. */
  public static final String COUNT_KEY = "stormproof.device.virtualCount";

  /** One device unless asked for more. */
  public static final int DEFAULT_COUNT = 1;

  /** For {@link java.util.ServiceLoader}. */
  public VirtualDeviceProvider() {}

  @Override
  public String name() {
    return "virtual";
  }

  @Override
  public Kind kind() {
    return Kind.EMBEDDED;
  }

  @Override
  public ProvidedDevices open(DeviceRequest request) {
    int count = request.config().apply(COUNT_KEY).map(v -> ConfigParse.positiveInt(COUNT_KEY, v)).orElse(DEFAULT_COUNT);
    VirtualDeviceOptions options = VirtualDeviceOptions.fromConfig(request.config());
    AdbOptions adb = AdbOptions.fromConfig(request.config());
    List<VirtualDevice> started = new ArrayList<>();
    List<Device> devices = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        VirtualDevice v = new VirtualDevice(options.withApp(app(request))).start();
        started.add(v);
        devices.add(AdbDevice.direct("127.0.0.1", v.port(), adb));
      }
    } catch (RuntimeException e) {
      devices.forEach(Device::close);
      started.forEach(VirtualDevice::close);
      throw e;
    }
    List<String> serials = started.stream().map(VirtualDevice::serial).toList();
    String app = started.get(0).app().packageName();
    return ProvidedDevices.of(devices, "started the embedded virtual device" + (count > 1 ? "s " : " ") + String.join(", ", serials)
        + " (" + app + ")", started);
  }

  /**
   * A new instance of the default app for one device; Arena (the default) gets the run's
   * {@code stormproof.arena.*} keys, which a ServiceLoader-made instance cannot.
   */
  private static VirtualApp app(DeviceRequest request) {
    VirtualApp app = VirtualApps.defaultApp();
    return app instanceof ArenaGame ? new ArenaGame(ArenaOptions.fromConfig(request.config())) : app;
  }
}
