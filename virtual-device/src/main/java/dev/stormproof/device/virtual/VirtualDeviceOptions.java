package dev.stormproof.device.virtual;

import dev.stormproof.config.ConfigParse;
import dev.stormproof.device.Size;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Immutable settings of a {@link VirtualDevice}; {@code withX} returns a validated copy, so a bad
 * value fails where it is set. Start from {@link #defaults()} or {@link #fromConfig}.
 *
 * <p>Configuration keys (defaults in brackets): {@code stormproof.virtual.host}
 * [{@value #DEFAULT_HOST}], {@code stormproof.virtual.port} [{@value #DEFAULT_PORT}, ephemeral],
 * {@code stormproof.virtual.size} [{@value #DEFAULT_SIZE}], {@code stormproof.virtual.model}
 * [{@value #DEFAULT_MODEL}], {@code stormproof.virtual.product} [{@value #DEFAULT_PRODUCT}],
 * {@code stormproof.virtual.device} [{@value #DEFAULT_DEVICE}], {@code stormproof.virtual.density}
 * [{@value #DEFAULT_DENSITY}], {@code stormproof.virtual.sdk} [{@value #DEFAULT_SDK}],
 * {@code stormproof.virtual.tapLogCapacity} [{@value #DEFAULT_TAP_LOG_CAPACITY}],
 * {@code stormproof.virtual.profile} [default; see {@link DeviceProfile}], the
 * {@link Defense} keys {@code stormproof.virtual.handshakeTimeout} [5s],
 * {@code stormproof.virtual.messageTimeout} [10s], {@code stormproof.virtual.idleTimeout} [0, off]
 * and {@code stormproof.virtual.peerBudget} [32], and the
 * {@link LatencyModel#fromConfig latency keys}. The app and the clock are set in code only: the
 * default app is the first {@link VirtualApp} registered with {@link java.util.ServiceLoader}
 * (Arena's game in this artifact), else a blank screen; the default clock {@link Clock#systemUTC()}.
 *
 * <p>Immutable and thread-safe (the app it names is shared, not copied). Every {@code withX}
 * throws {@link IllegalArgumentException} saying what is wrong, the value, and what to use.
 */
public final class VirtualDeviceOptions {

  /** Default of {@code stormproof.virtual.host}. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** Default of {@code stormproof.virtual.port}, 0 = ephemeral. */
  public static final int DEFAULT_PORT = 0;
  /** Default of {@code stormproof.virtual.size}. */
  public static final String DEFAULT_SIZE = "1080x2400";
  /** Default of {@code stormproof.virtual.model}. */
  public static final String DEFAULT_MODEL = "Stormproof_Virtual";
  /** Default of {@code stormproof.virtual.product}. */
  public static final String DEFAULT_PRODUCT = "stormproof_vdev";
  /** Default of {@code stormproof.virtual.device}. */
  public static final String DEFAULT_DEVICE = "vdev";
  /** Default of {@code stormproof.virtual.density}. */
  public static final int DEFAULT_DENSITY = 420;
  /** Default of {@code stormproof.virtual.sdk}. */
  public static final int DEFAULT_SDK = 34;
  /** Default of {@code stormproof.virtual.tapLogCapacity}. */
  public static final int DEFAULT_TAP_LOG_CAPACITY = 100_000;
  /** First port the adb server probes and auto-registers as an emulator; refused by {@link #withPort}. */
  public static final int ADB_EMULATOR_PORT_FIRST = 5555;
  /** Last port the adb server probes and auto-registers as an emulator; refused by {@link #withPort}. */
  public static final int ADB_EMULATOR_PORT_LAST = 5585;

  private static final String PREFIX = "stormproof.virtual.";

  private final String host;
  private final int port;
  private final Size size;
  private final String model;
  private final String product;
  private final String device;
  private final int density;
  private final int sdk;
  private final int tapLogCapacity;
  private final VirtualApp app;
  private final LatencyModel latency;
  private final Clock clock;
  private final Defense defense;
  private final DeviceProfile profile;

  private VirtualDeviceOptions(String host, int port, Size size, String model, String product, String device,
      int density, int sdk, int tapLogCapacity, VirtualApp app, LatencyModel latency, Clock clock,
      Defense defense, DeviceProfile profile) {
    this.host = host;
    this.port = port;
    this.size = size;
    this.model = model;
    this.product = product;
    this.device = device;
    this.density = density;
    this.sdk = sdk;
    this.tapLogCapacity = tapLogCapacity;
    this.app = app;
    this.latency = latency;
    this.clock = clock;
    this.defense = defense;
    this.profile = profile;
  }

  /** @return loopback, ephemeral port, 1080x2400, phone-like latency, the default app, the system clock */
  public static VirtualDeviceOptions defaults() {
    return new VirtualDeviceOptions(DEFAULT_HOST, DEFAULT_PORT, Size.parse(DEFAULT_SIZE), DEFAULT_MODEL,
        DEFAULT_PRODUCT, DEFAULT_DEVICE, DEFAULT_DENSITY, DEFAULT_SDK, DEFAULT_TAP_LOG_CAPACITY, null,
        LatencyModel.phone(), Clock.systemUTC(), Defense.DEFAULTS,
        DeviceProfile.DEFAULT);
  }

  /**
   * Reads the keys listed in the class comment; absent keys keep their defaults.
   *
   * @param config looks up a configuration parameter by key
   * @return the options
   * @throws IllegalArgumentException naming the key when a value does not parse or is refused
   */
  public static VirtualDeviceOptions fromConfig(Function<String, Optional<String>> config) {
    VirtualDeviceOptions o = defaults().withLatency(LatencyModel.fromConfig(config));
    // After the latency keys: a slow phone's latency wins unless a latency key is given.
    o = ConfigParse.apply(config, PREFIX + "profile", o, (d, v) -> {
      VirtualDeviceOptions p = d.withProfile(DeviceProfile.named(v));
      return LatencyModel.configured(config) ? p.withLatency(d.latency()) : p;
    });
    o = ConfigParse.apply(config, PREFIX + "host", o, VirtualDeviceOptions::withHost);
    o = ConfigParse.apply(config, PREFIX + "port", o, (d, v) -> d.withPort(intKey("port", v)));
    o = ConfigParse.apply(config, PREFIX + "size", o, (d, v) -> d.withSize(Size.parse(v)));
    o = ConfigParse.apply(config, PREFIX + "model", o, VirtualDeviceOptions::withModel);
    o = ConfigParse.apply(config, PREFIX + "product", o, VirtualDeviceOptions::withProduct);
    o = ConfigParse.apply(config, PREFIX + "device", o, VirtualDeviceOptions::withDevice);
    o = ConfigParse.apply(config, PREFIX + "density", o, (d, v) -> d.withDensity(intKey("density", v)));
    o = ConfigParse.apply(config, PREFIX + "sdk", o, (d, v) -> d.withSdk(intKey("sdk", v)));
    o = o.withDefense(defense(config));
    return ConfigParse.apply(config, PREFIX + "tapLogCapacity", o,
        (d, v) -> d.withTapLogCapacity(intKey("tapLogCapacity", v)));
  }


  private static Defense defense(Function<String, Optional<String>> config) {
    Defense d = Defense.DEFAULTS;
    java.time.Duration handshake = config.apply(PREFIX + "handshakeTimeout")
        .map(v -> ConfigParse.duration(PREFIX + "handshakeTimeout", v)).orElse(d.handshake());
    java.time.Duration message = config.apply(PREFIX + "messageTimeout")
        .map(v -> ConfigParse.duration(PREFIX + "messageTimeout", v)).orElse(d.message());
    java.time.Duration idle = config.apply(PREFIX + "idleTimeout")
        .map(v -> v.trim().equals("0") ? java.time.Duration.ZERO
            : ConfigParse.duration(PREFIX + "idleTimeout", v)).orElse(d.idle());
    int budget = config.apply(PREFIX + "peerBudget")
        .map(v -> ConfigParse.positiveInt(PREFIX + "peerBudget", v)).orElse(d.peerBudget());
    return new Defense(handshake, message, idle, budget);
  }

  /**
   * The address to bind. It must resolve to a loopback address: the device has no
   * authentication, so anything else would open a remote shell on the network.
   *
   * @param host for example {@code 127.0.0.1} or {@code ::1}
   * @return a copy with it
   * @throws IllegalArgumentException when it does not resolve or is not loopback
   */
  public VirtualDeviceOptions withHost(String host) {
    checkLoopback(host);
    return new VirtualDeviceOptions(host, port, size, model, product, device, density, sdk, tapLogCapacity, app, latency, clock, defense, profile);
  }

  /**
   * The TCP port adbd listens on.
   *
   * @param port 0 (ephemeral, the default) or 1-65535 outside {@value #ADB_EMULATOR_PORT_FIRST}-{@value #ADB_EMULATOR_PORT_LAST}
   * @return a copy with it
   * @throws IllegalArgumentException when the value is refused
   */
  public VirtualDeviceOptions withPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("Port " + port + " is out of range: use 0 (ephemeral) or 1-65535");
    }
    if (port >= ADB_EMULATOR_PORT_FIRST && port <= ADB_EMULATOR_PORT_LAST) {
      throw new IllegalArgumentException("Port " + port + " is in " + ADB_EMULATOR_PORT_FIRST + "-" + ADB_EMULATOR_PORT_LAST
          + ", which every adb server on this machine probes and auto-registers as an emulator"
          + " (emulator-5554 is port 5555, and so on); use 0 (ephemeral) or a port outside that range");
    }
    return new VirtualDeviceOptions(host, port, size, model, product, device, density, sdk, tapLogCapacity, app, latency, clock, defense, profile);
  }

  /**
   * The screen in physical pixels; landscape when wider than high.
   *
   * @param size any positive size
   * @return a copy with it
   */
  public VirtualDeviceOptions withSize(Size size) {
    Objects.requireNonNull(size, "size");
    return new VirtualDeviceOptions(host, port, size, model, product, device, density, sdk, tapLogCapacity, app, latency, clock, defense, profile);
  }

  /**
   * {@code ro.product.model}; shown by {@code adb devices -l} (spaces as underscores).
   *
   * @param model letters, digits, space, {@code . _ + -}
   * @return a copy with it
   * @throws IllegalArgumentException when the value is refused
   */
  public VirtualDeviceOptions withModel(String model) {
    return new VirtualDeviceOptions(host, port, size, checkName("model", model), product, device, density, sdk, tapLogCapacity, app, latency, clock, defense, profile);
  }

  /**
   * {@code ro.product.name}.
   *
   * @param product letters, digits, space, {@code . _ + -}
   * @return a copy with it
   * @throws IllegalArgumentException when the value is refused
   */
  public VirtualDeviceOptions withProduct(String product) {
    return new VirtualDeviceOptions(host, port, size, model, checkName("product", product), device, density, sdk, tapLogCapacity, app, latency, clock, defense, profile);
  }

  /**
   * {@code ro.product.device}.
   *
   * @param device letters, digits, space, {@code . _ + -}
   * @return a copy with it
   * @throws IllegalArgumentException when the value is refused
   */
  public VirtualDeviceOptions withDevice(String device) {
    return new VirtualDeviceOptions(host, port, size, model, product, checkName("device", device), density, sdk, tapLogCapacity, app, latency, clock, defense, profile);
  }

  /**
   * What {@code wm density} reports.
   *
   * @param density dots per inch; positive
   * @return a copy with it
   * @throws IllegalArgumentException when the value is refused
   */
  public VirtualDeviceOptions withDensity(int density) {
    if (density <= 0) {
      throw new IllegalArgumentException("Density " + density + " must be positive, for example 420");
    }
    return new VirtualDeviceOptions(host, port, size, model, product, device, density, sdk, tapLogCapacity, app, latency, clock, defense, profile);
  }

  /**
   * {@code ro.build.version.sdk}.
   *
   * @param sdk API level; 21 or newer
   * @return a copy with it
   * @throws IllegalArgumentException when the value is refused
   */
  public VirtualDeviceOptions withSdk(int sdk) {
    if (sdk < 21) {
      throw new IllegalArgumentException("SDK level " + sdk + " is older than shell_v2 devices (21+): use 21 or newer");
    }
    return new VirtualDeviceOptions(host, port, size, model, product, device, density, sdk, tapLogCapacity, app, latency, clock, defense, profile);
  }

  /**
   * How many of the most recent taps the {@link TapLog} keeps.
   *
   * @param capacity positive
   * @return a copy with it
   * @throws IllegalArgumentException when the value is refused
   */
  public VirtualDeviceOptions withTapLogCapacity(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("Tap log capacity " + capacity + " must be positive, for example " + DEFAULT_TAP_LOG_CAPACITY);
    }
    return new VirtualDeviceOptions(host, port, size, model, product, device, density, sdk, capacity, app, latency, clock, defense, profile);
  }

  /**
   * The app on screen; shared, not copied.
   *
   * @param app the app, or null for the default app (see the class comment)
   * @return a copy with it
   */
  public VirtualDeviceOptions withApp(VirtualApp app) {
    return new VirtualDeviceOptions(host, port, size, model, product, device, density, sdk, tapLogCapacity, app, latency, clock, defense, profile);
  }

  /**
   * How long commands take.
   *
   * @param latency the latency model
   * @return a copy with it
   */
  public VirtualDeviceOptions withLatency(LatencyModel latency) {
    Objects.requireNonNull(latency, "latency");
    return new VirtualDeviceOptions(host, port, size, model, product, device, density, sdk, tapLogCapacity, app, latency, clock, defense, profile);
  }

  /**
   * The device clock: the {@code nowMillis} given to the app and the tap log's times.
   *
   * @param clock the clock
   * @return a copy with it
   */
  public VirtualDeviceOptions withClock(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    return new VirtualDeviceOptions(host, port, size, model, product, device, density, sdk, tapLogCapacity, app, latency, clock, defense, profile);
  }

  /** @return the address to bind */
  public String host() { return host; }
  /** @return the port to listen on; 0 = ephemeral */
  public int port() { return port; }
  /** @return the screen size in physical pixels */
  public Size size() { return size; }
  /** @return {@code ro.product.model} */
  public String model() { return model; }
  /** @return {@code ro.product.name} */
  public String product() { return product; }
  /** @return {@code ro.product.device} */
  public String device() { return device; }
  /** @return what {@code wm density} reports */
  public int density() { return density; }
  /** @return {@code ro.build.version.sdk} */
  public int sdk() { return sdk; }
  /** @return how many recent taps the tap log keeps */
  public int tapLogCapacity() { return tapLogCapacity; }
  /** @return the configured app, or empty for the default */
  public Optional<VirtualApp> app() { return Optional.ofNullable(app); }
  /** @return how long commands take */
  public LatencyModel latency() { return latency; }
  /** @return the device clock */
  public Clock clock() { return clock; }

  /**
   * The real-phone profile the device imitates.
   *
   * @return the profile, {@link DeviceProfile#DEFAULT} unless set
   */
  public DeviceProfile profile() { return profile; }

  /**
   * Imitates {@code profile}: sets its API level and, for a slow phone, its latency; the other
   * differences (screencap header, touch panel, {@code /dev/input}) follow from it.
   *
   * @param profile the profile
   * @return a copy with it
   */
  public VirtualDeviceOptions withProfile(DeviceProfile profile) {
    Objects.requireNonNull(profile, "profile");
    LatencyModel l = profile.slow() ? DeviceProfile.slowLatency() : latency;
    return new VirtualDeviceOptions(host, port, size, model, product, device, density, profile.sdk(), tapLogCapacity, app, l, clock, defense, profile);
  }

  /**
   * How the device bounds handshakes, messages, idleness and connections per peer.
   *
   * @return the defenses
   */
  public Defense defense() { return defense; }

  /**
   * The connection defenses (see {@link Defense}).
   *
   * @param defense the bounds to apply
   * @return a copy with them
   */
  public VirtualDeviceOptions withDefense(Defense defense) {
    Objects.requireNonNull(defense, "defense");
    return new VirtualDeviceOptions(host, port, size, model, product, device, density, sdk, tapLogCapacity, app, latency, clock, defense, profile);
  }

  static InetAddress checkLoopback(String host) {
    Objects.requireNonNull(host, "host");
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("Bind host '" + host + "' does not resolve: use 127.0.0.1", e);
    }
    if (!address.isLoopbackAddress()) {
      throw new IllegalArgumentException("Bind host '" + host + "' resolves to " + address.getHostAddress()
          + ", which is not a loopback address: the virtual device has no authentication and would give anyone on"
          + " the network a shell; use 127.0.0.1 (or ::1)");
    }
    return address;
  }

  private static String checkName(String what, String value) {
    if (value == null || value.isBlank() || !value.matches("[A-Za-z0-9 ._+-]+")) {
      throw new IllegalArgumentException("Device " + what + " '" + value
          + "' is not usable in the adb banner: use letters, digits, space, '.', '_', '+' or '-'");
    }
    return value;
  }

  private static int intKey(String name, String value) {
    long n = ConfigParse.whole(PREFIX + name, value);
    if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(PREFIX + name + "=" + value + " is too large for a whole number, for example 2");
    }
    return (int) n;
  }


  @Override
  public String toString() {
    return "VirtualDeviceOptions[host=" + host + ", port=" + port + ", size=" + size + ", model=" + model + ", product="
        + product + ", device=" + device + ", density=" + density + ", sdk=" + sdk + ", app="
        + (app == null ? "default" : app.packageName()) + ", " + latency + "]";
  }
}
