package dev.stormproof.device.adb;

import dev.stormproof.config.ConfigParse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How one {@link AdbDevice} talks to its device. Immutable; {@code withX} returns a copy.
 *
 * <p>Configuration keys (read by {@link #fromConfig}):
 * <ul>
 *   <li>{@code stormproof.device.timeout}: bound of every device call, default {@value #DEFAULT_TIMEOUT}
 *   <li>{@code stormproof.adb.connectTimeout}: TCP connect and ADB handshake, default {@value #DEFAULT_CONNECT_TIMEOUT}
 *   <li>{@code stormproof.adb.tcpNoDelay}: disable Nagle on direct connections, default {@value #DEFAULT_TCP_NO_DELAY}
 *   <li>{@code stormproof.adb.touch}: {@code auto} (raw input events where a touchscreen is found,
 *       else {@code input tap}), {@code input} or {@code raw}; default {@value #DEFAULT_TOUCH}
 *   <li>{@code stormproof.adb.capture}: {@code auto} (raw framebuffer, PNG if raw fails to
 *       decode), {@code raw} or {@code png}; default {@value #DEFAULT_CAPTURE}
 *   <li>{@code stormproof.adb.maxStreams}: service streams one handle keeps open at once; further
 *       calls wait (within their timeout) for a stream to end. adbd refuses an OPEN beyond its own
 *       limit, so this stays well below it; default {@value #DEFAULT_MAX_STREAMS}
 * </ul>
 */
public final class AdbOptions {

  /** Default of {@code stormproof.device.timeout}. */
  public static final String DEFAULT_TIMEOUT = "10s";
  /** Default of {@code stormproof.adb.connectTimeout}. */
  public static final String DEFAULT_CONNECT_TIMEOUT = "5s";
  /** Default of {@code stormproof.adb.tcpNoDelay}. */
  public static final boolean DEFAULT_TCP_NO_DELAY = true;
  /** Default of {@code stormproof.adb.touch}. */
  public static final String DEFAULT_TOUCH = "auto";
  /** Default of {@code stormproof.adb.capture}. */
  public static final String DEFAULT_CAPTURE = "auto";
  /** Default of {@code stormproof.adb.maxStreams}. */
  public static final int DEFAULT_MAX_STREAMS = 64;

  /** Touch backend. */
  public enum Touch {
    /** Raw input events where {@code getevent -p} shows a multi-touch screen, else {@code input tap}. */
    AUTO,
    /** Always {@code input tap}: slower (one process per tap) but works everywhere. */
    INPUT,
    /** Always raw input events; fails when no multi-touch screen is found. */
    RAW
  }

  /** Screen capture format. */
  public enum Capture {
    /** Raw framebuffer; PNG when the raw answer cannot be decoded. */
    AUTO,
    /** Always the raw framebuffer (fast, no encoding on the device). */
    RAW,
    /** Always PNG (slower; for devices whose raw format is unusual). */
    PNG
  }

  private final Duration timeout;
  private final Duration connectTimeout;
  private final boolean tcpNoDelay;
  private final Touch touch;
  private final Capture capture;
  private final int maxStreams;

  private AdbOptions(Duration timeout, Duration connectTimeout, boolean tcpNoDelay, Touch touch, Capture capture, int maxStreams) {
    this.timeout = positive("timeout", timeout);
    this.connectTimeout = positive("connectTimeout", connectTimeout);
    this.tcpNoDelay = tcpNoDelay;
    this.touch = Objects.requireNonNull(touch, "touch");
    this.capture = Objects.requireNonNull(capture, "capture");
    if (maxStreams < 1) {
      throw new IllegalArgumentException("AdbOptions.maxStreams must be at least 1, got " + maxStreams + "; use for example " + DEFAULT_MAX_STREAMS);
    }
    this.maxStreams = maxStreams;
  }

  /** @return options with every default */
  public static AdbOptions defaults() {
    return new AdbOptions(ConfigParse.duration("timeout", DEFAULT_TIMEOUT),
        ConfigParse.duration("connectTimeout", DEFAULT_CONNECT_TIMEOUT), DEFAULT_TCP_NO_DELAY,
        Touch.AUTO, Capture.AUTO, DEFAULT_MAX_STREAMS);
  }

  /**
   * Reads the {@code stormproof.device.timeout} and {@code stormproof.adb.*} keys; absent keys keep
   * their default.
   *
   * @param config looks up a configuration parameter by key
   * @return the options
   * @throws IllegalArgumentException naming the key when a value does not parse
   */
  public static AdbOptions fromConfig(Function<String, Optional<String>> config) {
    AdbOptions o = defaults();
    o = ConfigParse.apply(config, "stormproof.device.timeout", o,
        (a, v) -> a.withTimeout(ConfigParse.duration("stormproof.device.timeout", v)));
    o = ConfigParse.apply(config, "stormproof.adb.connectTimeout", o,
        (a, v) -> a.withConnectTimeout(ConfigParse.duration("stormproof.adb.connectTimeout", v)));
    o = ConfigParse.apply(config, "stormproof.adb.tcpNoDelay", o,
        (a, v) -> a.withTcpNoDelay(ConfigParse.bool("stormproof.adb.tcpNoDelay", v)));
    o = ConfigParse.apply(config, "stormproof.adb.touch", o,
        (a, v) -> a.withTouch(ConfigParse.choice("stormproof.adb.touch", v, Touch.class)));
    o = ConfigParse.apply(config, "stormproof.adb.capture", o,
        (a, v) -> a.withCapture(ConfigParse.choice("stormproof.adb.capture", v, Capture.class)));
    return ConfigParse.apply(config, "stormproof.adb.maxStreams", o,
        (a, v) -> a.withMaxStreams(ConfigParse.positiveInt("stormproof.adb.maxStreams", v)));
  }

  /** @return bound of every device call */
  public Duration timeout() { return timeout; }
  /** @return bound of TCP connect plus ADB handshake */
  public Duration connectTimeout() { return connectTimeout; }
  /** @return whether Nagle is disabled on direct connections */
  public boolean tcpNoDelay() { return tcpNoDelay; }
  /** @return the touch backend */
  public Touch touch() { return touch; }
  /** @return the screen capture format */
  public Capture capture() { return capture; }
  /** @return how many service streams one device handle keeps open at once */
  public int maxStreams() { return maxStreams; }

  /**
   * Returns a copy with another timeout.
   *
   * @param v the new value
   * @return a copy
   */
  public AdbOptions withTimeout(Duration v) { return new AdbOptions(v, connectTimeout, tcpNoDelay, touch, capture, maxStreams); }
  /**
   * Returns a copy with another connectTimeout.
   *
   * @param v the new value
   * @return a copy
   */
  public AdbOptions withConnectTimeout(Duration v) { return new AdbOptions(timeout, v, tcpNoDelay, touch, capture, maxStreams); }
  /**
   * Returns a copy with another tcpNoDelay.
   *
   * @param v the new value
   * @return a copy
   */
  public AdbOptions withTcpNoDelay(boolean v) { return new AdbOptions(timeout, connectTimeout, v, touch, capture, maxStreams); }
  /**
   * Returns a copy with another touch.
   *
   * @param v the new value
   * @return a copy
   */
  public AdbOptions withTouch(Touch v) { return new AdbOptions(timeout, connectTimeout, tcpNoDelay, v, capture, maxStreams); }
  /**
   * Returns a copy with another capture.
   *
   * @param v the new value
   * @return a copy
   */
  public AdbOptions withCapture(Capture v) { return new AdbOptions(timeout, connectTimeout, tcpNoDelay, touch, v, maxStreams); }
  /**
   * Returns a copy with another maxStreams.
   *
   * @param v the new value
   * @return a copy
   */
  public AdbOptions withMaxStreams(int v) { return new AdbOptions(timeout, connectTimeout, tcpNoDelay, touch, capture, v); }

  private static Duration positive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("AdbOptions." + name + " must be positive, got " + d + "; use for example Duration.ofSeconds(10)");
    }
    return d;
  }

  @Override
  public String toString() {
    return "AdbOptions[timeout=" + timeout + ", connectTimeout=" + connectTimeout + ", tcpNoDelay=" + tcpNoDelay
        + ", touch=" + touch + ", capture=" + capture + ", maxStreams=" + maxStreams + "]";
  }
}
