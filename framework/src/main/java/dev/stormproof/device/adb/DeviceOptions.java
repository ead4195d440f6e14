package dev.stormproof.device.adb;

import dev.stormproof.config.ConfigParse;
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
 *       of them form one pool. Default: the server adb itself would use, {@code 127.0.0.1} on
 *       {@code ANDROID_ADB_SERVER_PORT} (or {@code ADB_SERVER_SOCKET=tcp:host:port}), else
 *       {@value #DEFAULT_SERVERS}. Servers are only asked, never started.
 *   <li>{@code stormproof.device.leaseTimeout}: how long a test waits for a free device, default {@value #DEFAULT_LEASE_TIMEOUT}
 *   <li>plus the {@link AdbOptions} keys; and the {@code ANDROID_SERIAL} environment variable.
 * </ul>
 *
 * <p>Internal: public for {@code dev.stormproof.junit}; not part of the API (set the keys instead).
 */
public final class DeviceOptions {

  /** Default of {@code stormproof.device}. */
  public static final String DEFAULT_DEVICE = "auto";
  /** Default of {@code stormproof.adb.servers}, adb's own default server. */
  public static final String DEFAULT_SERVERS = "127.0.0.1:5037";
  /** Default of {@code stormproof.device.leaseTimeout}. */
  public static final String DEFAULT_LEASE_TIMEOUT = "60s";

  /**
   * An adb server address.
   *
   * @param host host name or address
   * @param port TCP port, 1-65535
   */
  public record HostPort(String host, int port) {
    /**
     * Validates the port.
     *
     * @param host host name or address
     * @param port TCP port, 1-65535
     * @throws IllegalArgumentException when the port is out of range
     */
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
  private final String serversSource;
  private final AdbOptions adb;

  private DeviceOptions(String device, List<HostPort> servers, Optional<String> androidSerial, Duration leaseTimeout,
      String serversSource, AdbOptions adb) {
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
    this.serversSource = Objects.requireNonNull(serversSource, "serversSource");
    this.adb = Objects.requireNonNull(adb, "adb");
  }

  /**
   * The defaults: {@code auto}, the adb server on {@value #DEFAULT_SERVERS}, default ADB options.
   *
   * @return the default options
   */
  public static DeviceOptions defaults() {
    return new DeviceOptions(DEFAULT_DEVICE, parseServers("stormproof.adb.servers", DEFAULT_SERVERS), Optional.empty(),
        ConfigParse.duration("stormproof.device.leaseTimeout", DEFAULT_LEASE_TIMEOUT), "default", AdbOptions.defaults());
  }

  /**
   * Reads the keys in the class comment from {@code config}, and {@code ANDROID_SERIAL},
   * {@code ANDROID_ADB_SERVER_PORT} and {@code ADB_SERVER_SOCKET} from the process environment.
   *
   * @param config the run's configuration parameters
   * @return the options
   * @throws IllegalArgumentException naming the key or variable, the value and the fix
   */
  public static DeviceOptions fromConfig(Function<String, Optional<String>> config) {
    return fromConfig(config, System::getenv);
  }

  /**
   * As {@link #fromConfig(Function)} with an explicit environment (tests).
   *
   * @param config the run's configuration parameters
   * @param env the environment variables
   * @return the options
   */
  public static DeviceOptions fromConfig(Function<String, Optional<String>> config, Function<String, String> env) {
    DeviceOptions o = defaults().withAdb(AdbOptions.fromConfig(config))
        .withAndroidSerial(Optional.ofNullable(env.apply("ANDROID_SERIAL")));
    HostPort fromEnv = serverFromEnvironment(env);
    if (fromEnv != null) {
      o = new DeviceOptions(o.device, List.of(fromEnv), o.androidSerial, o.leaseTimeout,
          env.apply("ADB_SERVER_SOCKET") != null ? "ADB_SERVER_SOCKET" : "ANDROID_ADB_SERVER_PORT", o.adb);
    }
    o = ConfigParse.apply(config, "stormproof.device", o, DeviceOptions::withDevice);
    o = ConfigParse.apply(config, "stormproof.adb.servers", o,
        (d, v) -> d.withServers(parseServers("stormproof.adb.servers", v)));
    return ConfigParse.apply(config, "stormproof.device.leaseTimeout", o,
        (d, v) -> d.withLeaseTimeout(ConfigParse.duration("stormproof.device.leaseTimeout", v)));
  }

  /** The server adb itself would use: ADB_SERVER_SOCKET=tcp:host:port, else ANDROID_ADB_SERVER_PORT on loopback. */
  private static HostPort serverFromEnvironment(Function<String, String> env) {
    String socket = env.apply("ADB_SERVER_SOCKET");
    if (socket != null && !socket.isBlank()) {
      String s = socket.trim();
      if (!s.startsWith("tcp:")) {
        throw new IllegalArgumentException("ADB_SERVER_SOCKET=" + socket + " is not tcp:host:port (or tcp:port); fix or unset it");
      }
      String rest = s.substring(4);
      return HostPort.parse("ADB_SERVER_SOCKET", rest.contains(":") ? rest : "127.0.0.1:" + rest);
    }
    String port = env.apply("ANDROID_ADB_SERVER_PORT");
    if (port == null || port.isBlank()) {
      return null;
    }
    try {
      return new HostPort("127.0.0.1", Integer.parseInt(port.trim()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("ANDROID_ADB_SERVER_PORT=" + port + " is not a port number (1-65535); fix or unset it", e);
    }
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

  /** @return {@code auto}, {@code virtual}, {@code any}, or serials separated by commas */
  public String device() { return device; }

  /** @return the adb servers asked for devices, in order */
  public List<HostPort> servers() { return servers; }

  /**
   * Where {@link #servers()} came from, for messages.
   *
   * @return {@code default}, {@code ANDROID_ADB_SERVER_PORT}, {@code ADB_SERVER_SOCKET} or {@code stormproof.adb.servers}
   */
  public String serversSource() { return serversSource; }

  /** @return the {@code ANDROID_SERIAL} environment variable, if set and not blank */
  public Optional<String> androidSerial() { return androidSerial; }

  /** @return how long a test waits for a free device */
  public Duration leaseTimeout() { return leaseTimeout; }

  /** @return the ADB transport options */
  public AdbOptions adb() { return adb; }

  /** @return true for {@code stormproof.device=virtual}: no adb device is wanted */
  public boolean virtualOnly() {
    return device.equalsIgnoreCase("virtual");
  }

  /** @return true when nothing is selected explicitly: attached devices if any, else virtual */
  public boolean auto() {
    return device.equalsIgnoreCase(DEFAULT_DEVICE) && androidSerial.isEmpty();
  }

  /** @return the serials asked for ({@code stormproof.device}, else {@code ANDROID_SERIAL}); empty for auto, any, virtual */
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

  /**
   * Returns a copy with another value.
   *
   * @param v the selection
   * @return a copy with it
   */
  public DeviceOptions withDevice(String v) { return new DeviceOptions(v, servers, androidSerial, leaseTimeout, serversSource, adb); }

  /**
   * Returns a copy with another value.
   *
   * @param v the adb servers
   * @return a copy with them (as if from {@code stormproof.adb.servers})
   */
  public DeviceOptions withServers(List<HostPort> v) { return new DeviceOptions(device, v, androidSerial, leaseTimeout, "stormproof.adb.servers", adb); }

  /**
   * Returns a copy with another value.
   *
   * @param v the {@code ANDROID_SERIAL} value
   * @return a copy with it
   */
  public DeviceOptions withAndroidSerial(Optional<String> v) { return new DeviceOptions(device, servers, v, leaseTimeout, serversSource, adb); }

  /**
   * Returns a copy with another value.
   *
   * @param v the lease timeout
   * @return a copy with it
   */
  public DeviceOptions withLeaseTimeout(Duration v) { return new DeviceOptions(device, servers, androidSerial, v, serversSource, adb); }

  /**
   * Returns a copy with another value.
   *
   * @param v the ADB options
   * @return a copy with them
   */
  public DeviceOptions withAdb(AdbOptions v) { return new DeviceOptions(device, servers, androidSerial, leaseTimeout, serversSource, v); }

  @Override
  public String toString() {
    return "DeviceOptions[device=" + device + ", servers=" + servers + ", ANDROID_SERIAL=" + androidSerial.orElse("unset")
        + " (" + serversSource + "), leaseTimeout=" + leaseTimeout + ", " + adb + "]";
  }
}
