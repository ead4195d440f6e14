package dev.stormproof.device.virtual;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a real phone differs from the default virtual device, from public facts about real
 * devices; {@code stormproof.virtual.profile} picks one by name. Each profile changes only what
 * it names:
 * <ul>
 *   <li>{@code default}: Android 14 layout (raw screencap header with colour space, 16 bytes),
 *       a touch panel whose ABS range is the pixel grid, {@code /dev/input} writable.</li>
 *   <li>{@code api27}: Android 8.1: the raw screencap header has no colour space (12 bytes).</li>
 *   <li>{@code panel4096}: the touch panel reports 0-4095 on both axes, not pixels (common on
 *       Samsung and Qualcomm reference panels): raw events must be scaled.</li>
 *   <li>{@code rotatedPanel}: the panel's natural orientation is landscape on a portrait screen
 *       (tablets, some foldables): its X axis runs along the screen's height.</li>
 *   <li>{@code selinux}: {@code /dev/input} writes are refused (user builds with SELinux
 *       enforcing deny the shell user): taps must use {@code input tap}.</li>
 *   <li>{@code unauthorized}: the RSA key prompt was never accepted: CNXN is answered with
 *       AUTH tokens and no key is ever accepted; {@code adb devices} shows it unauthorized.</li>
 *   <li>{@code slowPhone}: a low-end phone: {@code input tap} 1.2 s and {@code screencap -p}
 *       2 s, the slow ends of the 0.6-1.2 s and 0.7-2 s seen on such phones.</li>
 * </ul>
 *
 * @param name the profile's name
 * @param sdk the API level it reports
 * @param rawHeader bytes of the raw screencap header: 12 (no colour space) or 16
 * @param panelMax the touch panel's ABS maximum on both axes, or 0 for the pixel grid
 * @param rotatedPanel the panel's axes are swapped against the screen
 * @param inputWritable whether the shell may write {@code /dev/input/eventN}
 * @param slow a slow phone's latency instead of the configured one
 * @param authorized false: the device answers CNXN with AUTH and never accepts a key, like a
 *     phone whose "Allow USB debugging?" prompt nobody answered
 */
public record DeviceProfile(String name, int sdk, int rawHeader, int panelMax,
    boolean rotatedPanel, boolean inputWritable, boolean slow, boolean authorized) {

  /** The profiles by name, {@code default} first. */
  public static final Map<String, DeviceProfile> ALL = profiles();

  /** The default virtual device. */
  public static final DeviceProfile DEFAULT = ALL.get("default");

  private static Map<String, DeviceProfile> profiles() {
    Map<String, DeviceProfile> m = new LinkedHashMap<>();
    for (DeviceProfile p : new DeviceProfile[] {
        new DeviceProfile("default", 34, 16, 0, false, true, false, true),
        new DeviceProfile("api27", 27, 12, 0, false, true, false, true),
        new DeviceProfile("panel4096", 34, 16, 4095, false, true, false, true),
        new DeviceProfile("rotatedPanel", 34, 16, 0, true, true, false, true),
        new DeviceProfile("selinux", 34, 16, 0, false, false, false, true),
        new DeviceProfile("slowPhone", 30, 16, 0, false, true, true, true),
        new DeviceProfile("unauthorized", 34, 16, 0, false, true, false, false)}) {
      m.put(p.name(), p);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * The profile called {@code name}.
   *
   * @param name a key of {@link #ALL}
   * @return the profile
   * @throws IllegalArgumentException naming the known profiles
   */
  public static DeviceProfile named(String name) {
    DeviceProfile p = ALL.get(name.trim());
    if (p == null) {
      throw new IllegalArgumentException("stormproof.virtual.profile=" + name + " is not one of: "
          + String.join(", ", ALL.keySet()));
    }
    return p;
  }

  /** The slow phone's latency: the slow ends of what low-end phones show. */
  static LatencyModel slowLatency() {
    return LatencyModel.phone().withInputTap(Duration.ofMillis(1200))
        .withInputSwipe(Duration.ofMillis(1200)).withInputKey(Duration.ofMillis(1200))
        .withInputText(Duration.ofMillis(1500)).withScreencapPng(Duration.ofMillis(2000))
        .withScreencapRaw(Duration.ofMillis(700)).withCommand(Duration.ofMillis(60));
  }
}
