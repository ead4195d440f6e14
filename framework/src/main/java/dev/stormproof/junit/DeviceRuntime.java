package dev.stormproof.junit;

import dev.stormproof.device.Device;
import dev.stormproof.device.adb.AdbDevice;
import dev.stormproof.device.adb.DevicePool;
import dev.stormproof.device.adb.DeviceOptions;
import dev.stormproof.device.adb.DeviceSelector;
import dev.stormproof.device.virtual.VirtualDevice;
import dev.stormproof.device.virtual.VirtualApp;
import dev.stormproof.device.virtual.VirtualApps;
import dev.stormproof.device.virtual.VirtualDeviceOptions;
import dev.stormproof.device.virtual.arena.ArenaGame;
import dev.stormproof.device.virtual.arena.ArenaOptions;
import dev.stormproof.report.ReportSinks;
import dev.stormproof.tap.RateLimitedDevice;
import dev.stormproof.tap.TapOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The run-wide device resources: the embedded virtual devices (when used), one ADB connection
 * and one tap queue per device, and the pool tests lease from. Built once per run from the
 * configuration of the first test that needs a device; closed at the end of the run (pool and
 * queues first, then the virtual devices).
 */
final class DeviceRuntime implements AutoCloseable {

  private final List<VirtualDevice> virtualDevices;
  private final DevicePool pool;
  private final ReportSinks reports;
  private final DeviceOptions options;

  private DeviceRuntime(List<VirtualDevice> virtualDevices, DevicePool pool, ReportSinks reports, DeviceOptions options) {
    this.virtualDevices = virtualDevices;
    this.pool = pool;
    this.reports = reports;
    this.options = options;
  }

  static DeviceRuntime start(Function<String, Optional<String>> config) {
    DeviceOptions options = DeviceOptions.fromConfig(config);
    TapOptions tapOptions = TapOptions.fromConfig(config);
    List<AdbDevice> adb = new ArrayList<>(DeviceSelector.select(options));
    List<VirtualDevice> virtual = new ArrayList<>();
    try {
      if (adb.isEmpty()) {
        VirtualDeviceOptions vo = VirtualDeviceOptions.fromConfig(config);
        for (int i = 0; i < options.virtualCount(); i++) {
          VirtualDevice v = new VirtualDevice(vo.withApp(app(config))).start();
          virtual.add(v);
          adb.add(AdbDevice.direct("127.0.0.1", v.port(), options.adb()));
        }
      }
      List<Device> limited = new ArrayList<>();
      for (AdbDevice d : adb) {
        limited.add(RateLimitedDevice.owning(d, tapOptions));
      }
      return new DeviceRuntime(List.copyOf(virtual), new DevicePool(limited, options.leaseTimeout()),
          ReportSinks.discover(Thread.currentThread().getContextClassLoader()), options);
    } catch (RuntimeException e) {
      adb.forEach(AdbDevice::close);
      virtual.forEach(VirtualDevice::close);
      throw e;
    }
  }

  /**
   * A new instance of the default app for one virtual device; Arena (the default) gets the
   * {@code stormproof.arena.*} keys of this run, which a ServiceLoader-made instance cannot.
   */
  private static VirtualApp app(Function<String, Optional<String>> config) {
    VirtualApp app = VirtualApps.defaultApp();
    return app instanceof ArenaGame ? new ArenaGame(ArenaOptions.fromConfig(config)) : app;
  }

  DevicePool pool() {
    return pool;
  }

  ReportSinks reports() {
    return reports;
  }

  DeviceOptions options() {
    return options;
  }

  List<VirtualDevice> virtualDevices() {
    return virtualDevices;
  }

  @Override
  public void close() {
    try {
      pool.close();
    } finally {
      virtualDevices.forEach(VirtualDevice::close);
    }
  }
}
