package dev.stormproof.tap;

import dev.stormproof.config.ConfigParse;

import dev.stormproof.config.DurationText;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Settings of a {@link TapQueue}. Immutable; {@code withX} returns a copy.
 *
 * <p>Configuration keys (read by {@link #fromConfig}):
 * <ul>
 *   <li>{@code stormproof.tap.rate}: taps per second per device, default {@value #DEFAULT_RATE}
 *   <li>{@code stormproof.tap.burst}: taps that may go back to back after a pause, default {@value #DEFAULT_BURST}
 *   <li>{@code stormproof.tap.capacity}: queued taps per device, default {@value #DEFAULT_CAPACITY}
 *   <li>{@code stormproof.tap.overflow}: {@code block} (wait for room up to the offer timeout) or
 *       {@code reject} (throw {@link TapRejectedException} at once), default {@value #DEFAULT_OVERFLOW}
 *   <li>{@code stormproof.tap.offerTimeout}: longest wait for room when blocking, default {@value #DEFAULT_OFFER_TIMEOUT}
 *   <li>{@code stormproof.tap.deliveryTimeout}: longest wait of {@link TapQueue#tap} for its tap to
 *       be delivered (queueing included), default {@value #DEFAULT_DELIVERY_TIMEOUT}
 * </ul>
 */
public final class TapOptions {

  /** Default of {@code stormproof.tap.rate}, taps per second. */
  public static final double DEFAULT_RATE = 20.0;
  /** Default of {@code stormproof.tap.burst}. */
  public static final int DEFAULT_BURST = 5;
  /** Default of {@code stormproof.tap.capacity}. */
  public static final int DEFAULT_CAPACITY = 1000;
  /** Default of {@code stormproof.tap.overflow}. */
  public static final String DEFAULT_OVERFLOW = "block";
  /** Default of {@code stormproof.tap.offerTimeout}. */
  public static final String DEFAULT_OFFER_TIMEOUT = "5s";
  /** Default of {@code stormproof.tap.deliveryTimeout}. */
  public static final String DEFAULT_DELIVERY_TIMEOUT = "120s";

  /** What a producer experiences when the queue is full. */
  public enum Overflow {
    /** Wait for room, up to the offer timeout, then throw {@link TapRejectedException}. */
    BLOCK,
    /** Throw {@link TapRejectedException} at once. */
    REJECT
  }

  private final double rate;
  private final int burst;
  private final int capacity;
  private final Overflow overflow;
  private final Duration offerTimeout;
  private final Duration deliveryTimeout;

  private TapOptions(double rate, int burst, int capacity, Overflow overflow, Duration offerTimeout, Duration deliveryTimeout) {
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("tap rate " + rate + " is not a positive number of taps per second; use for example 20");
    }
    if (burst < 1) {
      throw new IllegalArgumentException("tap burst " + burst + " is below 1; use 1 for strictly even spacing");
    }
    if (capacity < 1) {
      throw new IllegalArgumentException("tap capacity " + capacity + " is below 1; use for example " + DEFAULT_CAPACITY);
    }
    this.rate = rate;
    this.burst = burst;
    this.capacity = capacity;
    this.overflow = Objects.requireNonNull(overflow, "overflow");
    this.offerTimeout = positive("offerTimeout", offerTimeout);
    this.deliveryTimeout = positive("deliveryTimeout", deliveryTimeout);
  }

  /** @return options with every default */
  public static TapOptions defaults() {
    return new TapOptions(DEFAULT_RATE, DEFAULT_BURST, DEFAULT_CAPACITY, Overflow.BLOCK,
        parseDuration("offerTimeout", DEFAULT_OFFER_TIMEOUT), parseDuration("deliveryTimeout", DEFAULT_DELIVERY_TIMEOUT));
  }

  /**
   * Reads the {@code stormproof.tap.*} keys; absent keys keep their default.
   *
   * @param config looks up a configuration parameter by key
   * @return the options
   * @throws IllegalArgumentException naming the key when a value does not parse or is out of range
   */
  public static TapOptions fromConfig(Function<String, Optional<String>> config) {
    TapOptions o = defaults();
    o = ConfigParse.apply(config, "stormproof.tap.rate", o,
        (t, v) -> t.withRate(ConfigParse.decimal("stormproof.tap.rate", v)));
    o = ConfigParse.apply(config, "stormproof.tap.burst", o,
        (t, v) -> t.withBurst(intOf("stormproof.tap.burst", v)));
    o = ConfigParse.apply(config, "stormproof.tap.capacity", o,
        (t, v) -> t.withCapacity(intOf("stormproof.tap.capacity", v)));
    o = ConfigParse.apply(config, "stormproof.tap.overflow", o,
        (t, v) -> t.withOverflow(ConfigParse.choice("stormproof.tap.overflow", v, Overflow.class)));
    o = ConfigParse.apply(config, "stormproof.tap.offerTimeout", o,
        (t, v) -> t.withOfferTimeout(ConfigParse.duration("stormproof.tap.offerTimeout", v)));
    return ConfigParse.apply(config, "stormproof.tap.deliveryTimeout", o,
        (t, v) -> t.withDeliveryTimeout(ConfigParse.duration("stormproof.tap.deliveryTimeout", v)));
  }

  private static int intOf(String key, String value) {
    long n = ConfigParse.whole(key, value);
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
  }

  /** @return taps per second per device */
  public double rate() { return rate; }
  /** @return taps that may go back to back after a pause */
  public int burst() { return burst; }
  /** @return queued taps per device */
  public int capacity() { return capacity; }
  /** @return what a producer experiences when the queue is full */
  public Overflow overflow() { return overflow; }
  /** @return longest wait for room when blocking */
  public Duration offerTimeout() { return offerTimeout; }
  /** @return longest wait of {@link TapQueue#tap} for delivery, queueing included */
  public Duration deliveryTimeout() { return deliveryTimeout; }

  /**
   * Returns a copy with another rate.
   *
   * @param v the new value
   * @return a copy
   * @throws IllegalArgumentException when the value is out of range
   */
  public TapOptions withRate(double v) { return new TapOptions(v, burst, capacity, overflow, offerTimeout, deliveryTimeout); }
  /**
   * Returns a copy with another burst.
   *
   * @param v the new value
   * @return a copy
   * @throws IllegalArgumentException when the value is out of range
   */
  public TapOptions withBurst(int v) { return new TapOptions(rate, v, capacity, overflow, offerTimeout, deliveryTimeout); }
  /**
   * Returns a copy with another capacity.
   *
   * @param v the new value
   * @return a copy
   * @throws IllegalArgumentException when the value is out of range
   */
  public TapOptions withCapacity(int v) { return new TapOptions(rate, burst, v, overflow, offerTimeout, deliveryTimeout); }
  /**
   * Returns a copy with another overflow.
   *
   * @param v the new value
   * @return a copy
   * @throws IllegalArgumentException when the value is out of range
   */
  public TapOptions withOverflow(Overflow v) { return new TapOptions(rate, burst, capacity, v, offerTimeout, deliveryTimeout); }
  /**
   * Returns a copy with another offerTimeout.
   *
   * @param v the new value
   * @return a copy
   * @throws IllegalArgumentException when the value is out of range
   */
  public TapOptions withOfferTimeout(Duration v) { return new TapOptions(rate, burst, capacity, overflow, v, deliveryTimeout); }
  /**
   * Returns a copy with another deliveryTimeout.
   *
   * @param v the new value
   * @return a copy
   * @throws IllegalArgumentException when the value is out of range
   */
  public TapOptions withDeliveryTimeout(Duration v) { return new TapOptions(rate, burst, capacity, overflow, offerTimeout, v); }

  static Duration parseDuration(String key, String value) {
    try {
      Duration d = DurationText.parse(value);
      return positive(key, d);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(key + "=" + value + " is not a positive duration: write it like 250ms, 5s, 2m or PT5S", e);
    }
  }

  private static Duration positive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("TapOptions." + name + " must be positive, got " + d);
    }
    return d;
  }

  @Override
  public String toString() {
    return "TapOptions[rate=" + rate + "/s, burst=" + burst + ", capacity=" + capacity + ", overflow=" + overflow.name().toLowerCase(Locale.ROOT)
        + ", offerTimeout=" + offerTimeout + ", deliveryTimeout=" + deliveryTimeout + "]";
  }
}
