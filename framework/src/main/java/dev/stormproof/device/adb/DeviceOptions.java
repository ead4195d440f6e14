package dev.stormproof.device.adb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which devices a run uses and how long a test waits for one. Immutable; {@code withX} returns a copy.
 *
 * <p>Configuration keys (read by {@link #fromConfig}):
 * <ul>
 *   <li>{@code stormproof.device}: {@code virtual} (embedded virtual devices only), {@code any}
 *       (every device the adb servers list; none is an error), one serial or a comma-separated
 *       list (looked up on the adb servers; a {@code host:port} serial no server lists is
 *       connected to directly). Default {@value #DEFAULT_DEVICE}: {@code ANDROID_SERIAL} if set,
 *       else every attached device, else the embedded virtual device.
 *   <li>{@code stormproof.adb.servers}: adb servers as {@code host:port,host:port}; devices of all
 *       of them form one pool. Default {@value #DEFAULT_SERVERS} (only asked, never started).
 *   <li>{@code stormproof.device.leaseTimeout}: how long a test waits for a free device, default {@value #DEFAULT_LEASE_TIMEOUT}
 *   <li>{@code stormproof.device.virtualCount}: embedded virtual devices started when virtual
 *       devices are used, default {@value #DEFAULT_VIRTUAL_COUNT}
 *   <li>plus the {@link AdbOptions} keys; and the {@code ANDROID_SERIAL} environment variable.
 * </ul>
 */
public final class DeviceOptions {

  public static final String DEFAULT_DEVICE = "auto";
  public static final String DEFAULT_SERVERS = "127.0.0.1:5037";
  public static final String DEFAULT_LEASE_TIMEOUT = "60s";
  public static final int DEFAULT_VIRTUAL_COUNT = 1;

  /** An adb server address. */
  public record HostPort(String host, int port) {
    public HostPort {
      Objects.requireNonNull(host, "host");
      if (port <= 0 || port > 65535) {
        throw new IllegalArgumentException("port " + port + " of " + host + " is out of range 1-65535");
      }
    }

    static HostPort parse(String key, String text) {
      String t = text.trim();
      int colon = t.lastIndexOf(':');
      try {
        if (colon <= 0) {
          throw new NumberFormatException();
        }
        return new HostPort(t.substring(0, colon), Integer.parseInt(t.substring(colon + 1)));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(key + " entry '" + text + "' is not host:port, for example 127.0.0.1:5037", e);
      }
    }

    @Override
    public String toString() {
      return host + ":" + port;
    }
  }

  private final String device;
  private final List<HostPort> servers;
  private final Optional<String> androidSerial;
  private final Duration leaseTimeout;
  private final int virtualCount;
  private final AdbOptions adb;

  private DeviceOptions(String device, List<HostPort> servers, Optional<String> androidSerial, Duration leaseTimeout,
      int virtualCount, AdbOptions adb) {
    this.device = Objects.requireNonNull(device, "device").trim();
    if (this.device.isEmpty()) {
      throw new IllegalArgumentException("stormproof.device is empty: use virtual, any, a serial, or leave it unset");
    }
    this.servers = List.copyOf(servers);
    this.androidSerial = androidSerial.filter(s -> !s.isBlank());
    if (leaseTimeout.isNegative() || leaseTimeout.isZero()) {
      throw new IllegalArgumentException("lease timeout " + leaseTimeout + " must be positive, for example 60s");
    }
    this.leaseTimeout = leaseTimeout;
    if (virtualCount < 1) {
      throw new IllegalArgumentException("virtual device count " + virtualCount + " must be at least 1");
    }
    this.virtualCount = virtualCount;
    this.adb = Objects.requireNonNull(adb, "adb");
  }

  public static DeviceOptions defaults() {
    return new DeviceOptions(DEFAULT_DEVICE, parseServers("stormproof.adb.servers", DEFAULT_SERVERS), Optional.empty(),
        ConfigParse.duration("stormproof.device.leaseTimeout", DEFAULT_LEASE_TIMEOUT), DEFAULT_VIRTUAL_COUNT, AdbOptions.defaults());
  }

  /** Reads the keys in the class comment from {@code config} and {@code ANDROID_SERIAL} from the process environment. */
  public static DeviceOptions fromConfig(Function<String, Optional<String>> config) {
    return fromConfig(config, System::getenv);
  }

  /** As {@link #fromConfig(Function)} with an explicit environment (tests). */
  public static DeviceOptions fromConfig(Function<String, Optional<String>> config, Function<String, String> env) {
    DeviceOptions o = defaults().withAdb(AdbOptions.fromConfig(config))
        .withAndroidSerial(Optional.ofNullable(env.apply("ANDROID_SERIAL")));
    Optional<String> v;
    if ((v = config.apply("stormproof.device")).isPresent()) {
      o = o.withDevice(v.get());
    }
    if ((v = config.apply("stormproof.adb.servers")).isPresent()) {
      o = o.withServers(parseServers("stormproof.adb.servers", v.get()));
    }
    if ((v = config.apply("stormproof.device.leaseTimeout")).isPresent()) {
      o = o.withLeaseTimeout(ConfigParse.duration("stormproof.device.leaseTimeout", v.get()));
    }
    if ((v = config.apply("stormproof.device.virtualCount")).isPresent()) {
      o = o.withVirtualCount(ConfigParse.positiveInt("stormproof.device.virtualCount", v.get()));
    }
    return o;
  }

  static List<HostPort> parseServers(String key, String text) {
    List<HostPort> list = new ArrayList<>();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        list.add(HostPort.parse(key, part));
      }
    }
    return list;
  }

  /** {@code auto}, {@code virtual}, {@code any}, or serials. */
  public String device() { return device; }
  public List<HostPort> servers() { return servers; }
  public Optional<String> androidSerial() { return androidSerial; }
  public Duration leaseTimeout() { return leaseTimeout; }
  public int virtualCount() { return virtualCount; }
  public AdbOptions adb() { return adb; }

  /** Only embedded virtual devices ({@code stormproof.device=virtual}). */
  public boolean virtualOnly() {
    return device.equalsIgnoreCase("virtual");
  }

  /** Nothing selected explicitly: attached devices if any, else virtual. */
  public boolean auto() {
    return device.equalsIgnoreCase(DEFAULT_DEVICE) && androidSerial.isEmpty();
  }

  /** The serials asked for ({@code stormproof.device}, else {@code ANDROID_SERIAL}); empty for auto, any, virtual. */
  public List<String> serials() {
    String d = device.toLowerCase(Locale.ROOT);
    if (d.equals("virtual") || d.equals("any")) {
      return List.of();
    }
    if (d.equals(DEFAULT_DEVICE)) {
      return androidSerial.map(List::of).orElse(List.of());
    }
    List<String> out = new ArrayList<>();
    for (String s : device.split(",")) {
      if (!s.isBlank()) {
        out.add(s.trim());
      }
    }
    return out;
  }

  public DeviceOptions withDevice(String v) { return new DeviceOptions(v, servers, androidSerial, leaseTimeout, virtualCount, adb); }
  public DeviceOptions withServers(List<HostPort> v) { return new DeviceOptions(device, v, androidSerial, leaseTimeout, virtualCount, adb); }
  public DeviceOptions withAndroidSerial(Optional<String> v) { return new DeviceOptions(device, servers, v, leaseTimeout, virtualCount, adb); }
  public DeviceOptions withLeaseTimeout(Duration v) { return new DeviceOptions(device, servers, androidSerial, v, virtualCount, adb); }
  public DeviceOptions withVirtualCount(int v) { return new DeviceOptions(device, servers, androidSerial, leaseTimeout, v, adb); }
  public DeviceOptions withAdb(AdbOptions v) { return new DeviceOptions(device, servers, androidSerial, leaseTimeout, virtualCount, v); }

  @Override
  public String toString() {
    return "DeviceOptions[device=" + device + ", servers=" + servers + ", ANDROID_SERIAL=" + androidSerial.orElse("unset")
        + ", leaseTimeout=" + leaseTimeout + ", virtualCount=" + virtualCount + ", " + adb + "]";
  }
}
