package dev.stormproof.junit;

import dev.stormproof.device.Device;
import dev.stormproof.report.DeviceLogs;
import dev.stormproof.report.ReportSink;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the device tells about a test: the environment (Android version, app version) once per
 * device and app in a run, and the app's log when the test failed. A device that cannot answer
 * any more (the failure may be a lost device) is noted, never a second failure.
 */
final class DeviceEvidence {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create("dev.stormproof.junit", "DeviceEvidence");

  /** Run-wide: which device/app pairs were already described. */
  private static final class Seen {
    final Map<String, Boolean> keys = new ConcurrentHashMap<>();
  }

  private DeviceEvidence() {}

  static void afterTest(ExtensionContext context, TestDevice testDevice, ReportSink reports) {
    Device device = testDevice.unreported();
    String app = testDevice.actions().appPackage().orElse(null);
    try {
      Seen seen = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Seen.class, k -> new Seen(), Seen.class);
      if (seen.keys.putIfAbsent(device.serial(), Boolean.TRUE) == null) {
        String release = device.shell("getprop ro.build.version.release").stdout().trim();
        String sdk = device.shell("getprop ro.build.version.sdk").stdout().trim();
        reports.label("device.android", "Android " + release + " (API " + sdk + ")");
      }
      if (app != null && seen.keys.putIfAbsent(device.serial() + "/" + app, Boolean.TRUE) == null) {
        reports.label("device.app", app + " " + DeviceLogs.appVersion(device, app));
      }
      if (app != null && context.getExecutionException().isPresent()) {
        reports.attach("device log (logcat -v threadtime, " + app + ")", "text/plain", "txt",
            DeviceLogs.appLog(device, app).getBytes(StandardCharsets.UTF_8));
      }
    } catch (RuntimeException e) {
      reports.event("no device log or environment: " + e.getMessage());
    }
  }
}
