package dev.stormproof.junit;

import dev.stormproof.device.Device;
import dev.stormproof.device.DevicePool;
import dev.stormproof.device.DeviceSelection;
import dev.stormproof.device.adb.DeviceOptions;
import dev.stormproof.report.ReportSinks;
import dev.stormproof.tap.RateLimitedDevice;
import dev.stormproof.tap.TapOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The run-wide device resources: the devices the providers gave (an embedded virtual device when
 * no phone is attached), one tap queue per device, and the pool tests lease from. Built once per
 * run from the configuration of the first test that needs a device; closed at the end of the run
 * (pool and queues first, then what the providers opened). Says which devices were picked and
 * why, on the console and in the report's environment.
 */
final class DeviceRuntime implements AutoCloseable {

  private final DeviceSelection selection;
  private final DevicePool pool;
  private final ReportSinks reports;

  private DeviceRuntime(DeviceSelection selection, DevicePool pool, ReportSinks reports) {
    this.selection = selection;
    this.pool = pool;
    this.reports = reports;
  }

  static DeviceRuntime start(Function<String, Optional<String>> config) {
    return start(config, System::getenv);
  }

  static DeviceRuntime start(Function<String, Optional<String>> config, Function<String, String> env) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    // Bad values fail here, before any device starts.
    DeviceOptions options = DeviceOptions.fromConfig(config, env);
    TapOptions tapOptions = TapOptions.fromConfig(config);
    DeviceSelection selection = DeviceSelection.open(config, env, loader);
    try {
      List<Device> limited = new ArrayList<>();
      for (Device d : selection.devices()) {
        limited.add(RateLimitedDevice.owning(d, tapOptions));
      }
      ReportSinks reports = ReportSinks.discover(loader);
      System.out.println("[stormproof] devices: " + selection.explanation());
      reports.label("device.selection", selection.explanation());
      return new DeviceRuntime(selection, new DevicePool(limited, options.leaseTimeout()), reports);
    } catch (RuntimeException e) {
      try {
        selection.close();
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  DevicePool pool() {
    return pool;
  }

  ReportSinks reports() {
    return reports;
  }

  /** Which devices were picked and why. */
  String explanation() {
    return selection.explanation();
  }

  /** What the providers opened, by type: the embedded virtual devices, for tests. */
  <T> List<T> resources(Class<T> type) {
    return selection.resources(type);
  }

  @Override
  public void close() {
    try {
      pool.close();
    } finally {
      selection.close();
    }
  }
}
