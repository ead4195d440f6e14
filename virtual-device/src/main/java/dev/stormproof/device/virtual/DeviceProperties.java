package dev.stormproof.device.virtual;

import java.util.LinkedHashMap;
import java.util.Map;

/** The identity the virtual device shows: its CNXN banner and its {@code getprop} values. */
final class DeviceProperties {

  private static final String[] RELEASES = {"5.0", "5.1", "6.0", "7.0", "7.1", "8.0", "8.1", "9", "10", "11", "12",
      "12", "13", "14", "15", "16"};

  private DeviceProperties() {
  }

  /** {@code features=} is required by dadb; {@code delayed_ack} is deliberately not offered. */
  static String banner(VirtualDeviceOptions options) {
    return "device::ro.product.name=" + options.product() + ";ro.product.model=" + options.model()
        + ";ro.product.device=" + options.device() + ";features=shell_v2,cmd";
  }

  static Map<String, String> of(VirtualDeviceOptions options, String serial) {
    Map<String, String> p = new LinkedHashMap<>();
    String release = release(options.sdk());
    p.put("ro.product.model", options.model());
    p.put("ro.product.name", options.product());
    p.put("ro.product.device", options.device());
    p.put("ro.product.manufacturer", "Stormproof");
    p.put("ro.product.brand", "stormproof");
    p.put("ro.product.cpu.abi", "x86_64");
    p.put("ro.build.version.sdk", Integer.toString(options.sdk()));
    p.put("ro.build.version.release", release);
    p.put("ro.build.type", "user");
    p.put("ro.build.fingerprint", "stormproof/" + options.product() + "/" + options.device() + ":" + release
        + "/SP1A/1:user/release-keys");
    p.put("ro.sf.lcd_density", Integer.toString(options.density()));
    p.put("ro.serialno", serial);
    p.put("sys.boot_completed", "1");
    return p;
  }

  private static String release(int sdk) {
    return sdk - 21 < RELEASES.length ? RELEASES[sdk - 21] : Integer.toString(sdk - 20);
  }
}
