package dev.stormproof.device.virtual;

import dev.stormproof.config.ConfigParse;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * How long the {@link VirtualDevice} takes to answer, per kind of work, so that clients meet
 * phone-like costs: {@code input tap} boots {@code app_process} on a real phone (0.6-1.2 s),
 * raw writes to {@code /dev/input/eventN} cost about a millisecond, PNG capture is slower than
 * raw capture. Immutable; {@code withX} returns a copy.
 *
 * <p>The device applies a delay on the thread serving the stream, before the command's effect,
 * while holding no lock, so a slow command never holds up other streams or connections; a delay
 * ends early when the device closes.
 *
 * <p>Configuration keys ({@link #fromConfig}), each in milliseconds, defaults in brackets:
 * {@code stormproof.virtual.latency.inputTap} [{@value #DEFAULT_INPUT_TAP_MS}],
 * {@code .inputSwipe} [{@value #DEFAULT_INPUT_SWIPE_MS}] (plus the swipe's own duration),
 * {@code .inputText} [{@value #DEFAULT_INPUT_TEXT_MS}], {@code .inputKey} [{@value #DEFAULT_INPUT_KEY_MS}],
 * {@code .rawEventWrite} [{@value #DEFAULT_RAW_EVENT_WRITE_MS}] (per received write),
 * {@code .screencapPng} [{@value #DEFAULT_SCREENCAP_PNG_MS}], {@code .screencapRaw}
 * [{@value #DEFAULT_SCREENCAP_RAW_MS}], {@code .command} [{@value #DEFAULT_COMMAND_MS}] (every
 * other command), and {@code stormproof.virtual.latency.fast=true} for {@link #fast()}.
 */
public final class LatencyModel {

  /** Default of {@code stormproof.virtual.latency.inputTap}, milliseconds. */
  public static final long DEFAULT_INPUT_TAP_MS = 600;
  /** Default of {@code stormproof.virtual.latency.inputSwipe}, milliseconds. */
  public static final long DEFAULT_INPUT_SWIPE_MS = 600;
  /** Default of {@code stormproof.virtual.latency.inputText}, milliseconds. */
  public static final long DEFAULT_INPUT_TEXT_MS = 700;
  /** Default of {@code stormproof.virtual.latency.inputKey}, milliseconds. */
  public static final long DEFAULT_INPUT_KEY_MS = 600;
  /** Default of {@code stormproof.virtual.latency.rawEventWrite}, milliseconds. */
  public static final long DEFAULT_RAW_EVENT_WRITE_MS = 1;
  /** Default of {@code stormproof.virtual.latency.screencapPng}, milliseconds. */
  public static final long DEFAULT_SCREENCAP_PNG_MS = 700;
  /** Default of {@code stormproof.virtual.latency.screencapRaw}, milliseconds. */
  public static final long DEFAULT_SCREENCAP_RAW_MS = 250;
  /** Default of {@code stormproof.virtual.latency.command}, milliseconds. */
  public static final long DEFAULT_COMMAND_MS = 15;

  private static final String PREFIX = "stormproof.virtual.latency.";

  private final Duration inputTap;
  private final Duration inputSwipe;
  private final Duration inputText;
  private final Duration inputKey;
  private final Duration rawEventWrite;
  private final Duration screencapPng;
  private final Duration screencapRaw;
  private final Duration command;
  private final boolean swipeTakesItsDuration;

  private LatencyModel(Duration inputTap, Duration inputSwipe, Duration inputText, Duration inputKey,
      Duration rawEventWrite, Duration screencapPng, Duration screencapRaw, Duration command,
      boolean swipeTakesItsDuration) {
    this.inputTap = check("inputTap", inputTap);
    this.inputSwipe = check("inputSwipe", inputSwipe);
    this.inputText = check("inputText", inputText);
    this.inputKey = check("inputKey", inputKey);
    this.rawEventWrite = check("rawEventWrite", rawEventWrite);
    this.screencapPng = check("screencapPng", screencapPng);
    this.screencapRaw = check("screencapRaw", screencapRaw);
    this.command = check("command", command);
    this.swipeTakesItsDuration = swipeTakesItsDuration;
  }

  /** @return phone-like defaults (the {@code DEFAULT_*} constants); {@code input swipe} also takes its own duration */
  public static LatencyModel phone() {
    return new LatencyModel(ms(DEFAULT_INPUT_TAP_MS), ms(DEFAULT_INPUT_SWIPE_MS), ms(DEFAULT_INPUT_TEXT_MS),
        ms(DEFAULT_INPUT_KEY_MS), ms(DEFAULT_RAW_EVENT_WRITE_MS), ms(DEFAULT_SCREENCAP_PNG_MS),
        ms(DEFAULT_SCREENCAP_RAW_MS), ms(DEFAULT_COMMAND_MS), true);
  }

  /** @return no delays at all, and swipes do not wait for their duration: for unit tests */
  public static LatencyModel fast() {
    return new LatencyModel(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO,
        Duration.ZERO, Duration.ZERO, Duration.ZERO, false);
  }

  /**
   * Reads the keys listed in the class comment; absent keys keep the {@link #phone()} default.
   *
   * @param config looks up a configuration parameter by key
   * @return the model
   * @throws IllegalArgumentException naming the key when a value is not whole milliseconds
   */
  public static LatencyModel fromConfig(Function<String, Optional<String>> config) {
    LatencyModel base = config.apply(PREFIX + "fast").map(v -> ConfigParse.bool(PREFIX + "fast", v))
        .orElse(false) ? fast() : phone();
    return base
        .withInputTap(read(config, "inputTap", base.inputTap))
        .withInputSwipe(read(config, "inputSwipe", base.inputSwipe))
        .withInputText(read(config, "inputText", base.inputText))
        .withInputKey(read(config, "inputKey", base.inputKey))
        .withRawEventWrite(read(config, "rawEventWrite", base.rawEventWrite))
        .withScreencapPng(read(config, "screencapPng", base.screencapPng))
        .withScreencapRaw(read(config, "screencapRaw", base.screencapRaw))
        .withCommand(read(config, "command", base.command));
  }

  /** @return the delay of {@code input tap} */
  public Duration inputTap() { return inputTap; }
  /** @return the delay of {@code input swipe}, before its own duration */
  public Duration inputSwipe() { return inputSwipe; }
  /** @return the delay of {@code input text} */
  public Duration inputText() { return inputText; }
  /** @return the delay of {@code input keyevent} */
  public Duration inputKey() { return inputKey; }
  /** @return the delay per write to {@code /dev/input/eventN} */
  public Duration rawEventWrite() { return rawEventWrite; }
  /** @return the delay of {@code screencap -p} */
  public Duration screencapPng() { return screencapPng; }
  /** @return the delay of raw {@code screencap} */
  public Duration screencapRaw() { return screencapRaw; }
  /** @return the delay of every other command */
  public Duration command() { return command; }
  /** @return whether {@code input swipe X1 Y1 X2 Y2 MS} additionally waits MS, as on a phone */
  public boolean swipeTakesItsDuration() { return swipeTakesItsDuration; }

  /**
   * Returns a copy with another delay of {@code input tap}.
   *
   * @param d zero or positive
   * @return a copy
   * @throws IllegalArgumentException when {@code d} is null or negative
   */
  public LatencyModel withInputTap(Duration d) { return copy(d, inputSwipe, inputText, inputKey, rawEventWrite, screencapPng, screencapRaw, command, swipeTakesItsDuration); }
  /**
   * Returns a copy with another delay of {@code input swipe}, before its own duration.
   *
   * @param d zero or positive
   * @return a copy
   * @throws IllegalArgumentException when {@code d} is null or negative
   */
  public LatencyModel withInputSwipe(Duration d) { return copy(inputTap, d, inputText, inputKey, rawEventWrite, screencapPng, screencapRaw, command, swipeTakesItsDuration); }
  /**
   * Returns a copy with another delay of {@code input text}.
   *
   * @param d zero or positive
   * @return a copy
   * @throws IllegalArgumentException when {@code d} is null or negative
   */
  public LatencyModel withInputText(Duration d) { return copy(inputTap, inputSwipe, d, inputKey, rawEventWrite, screencapPng, screencapRaw, command, swipeTakesItsDuration); }
  /**
   * Returns a copy with another delay of {@code input keyevent}.
   *
   * @param d zero or positive
   * @return a copy
   * @throws IllegalArgumentException when {@code d} is null or negative
   */
  public LatencyModel withInputKey(Duration d) { return copy(inputTap, inputSwipe, inputText, d, rawEventWrite, screencapPng, screencapRaw, command, swipeTakesItsDuration); }
  /**
   * Returns a copy with another delay per write to {@code /dev/input/eventN}.
   *
   * @param d zero or positive
   * @return a copy
   * @throws IllegalArgumentException when {@code d} is null or negative
   */
  public LatencyModel withRawEventWrite(Duration d) { return copy(inputTap, inputSwipe, inputText, inputKey, d, screencapPng, screencapRaw, command, swipeTakesItsDuration); }
  /**
   * Returns a copy with another delay of {@code screencap -p}.
   *
   * @param d zero or positive
   * @return a copy
   * @throws IllegalArgumentException when {@code d} is null or negative
   */
  public LatencyModel withScreencapPng(Duration d) { return copy(inputTap, inputSwipe, inputText, inputKey, rawEventWrite, d, screencapRaw, command, swipeTakesItsDuration); }
  /**
   * Returns a copy with another delay of raw {@code screencap}.
   *
   * @param d zero or positive
   * @return a copy
   * @throws IllegalArgumentException when {@code d} is null or negative
   */
  public LatencyModel withScreencapRaw(Duration d) { return copy(inputTap, inputSwipe, inputText, inputKey, rawEventWrite, screencapPng, d, command, swipeTakesItsDuration); }
  /**
   * Returns a copy with another delay of every other command.
   *
   * @param d zero or positive
   * @return a copy
   * @throws IllegalArgumentException when {@code d} is null or negative
   */
  public LatencyModel withCommand(Duration d) { return copy(inputTap, inputSwipe, inputText, inputKey, rawEventWrite, screencapPng, screencapRaw, d, swipeTakesItsDuration); }
  /**
   * Returns a copy where swipes do or do not wait their own duration.
   *
   * @param b true to wait, as on a phone
   * @return a copy
   */
  public LatencyModel withSwipeTakesItsDuration(boolean b) { return copy(inputTap, inputSwipe, inputText, inputKey, rawEventWrite, screencapPng, screencapRaw, command, b); }

  private static LatencyModel copy(Duration a, Duration b, Duration c, Duration d, Duration e, Duration f,
      Duration g, Duration h, boolean i) {
    return new LatencyModel(a, b, c, d, e, f, g, h, i);
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  private static Duration check(String name, Duration d) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException("LatencyModel." + name + " is " + d + ": use a duration >= 0 (Duration.ZERO for none)");
    }
    return d;
  }

  /**
   * Whether any latency key is set.
   *
   * @param config the configuration lookup
   * @return true when a {@code stormproof.virtual.latency.*} key is present
   */
  static boolean configured(Function<String, Optional<String>> config) {
    for (String k : new String[] {"fast", "inputTap", "inputSwipe", "inputText", "inputKey",
        "rawEventWrite", "screencapPng", "screencapRaw", "command"}) {
      if (config.apply(PREFIX + k).filter(v -> !v.isBlank()).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private static Duration read(Function<String, Optional<String>> config, String name, Duration fallback) {
    String key = PREFIX + name;
    return ConfigParse.apply(config, key, fallback, (d, v) -> ConfigParse.millis(key, v, 600));
  }


  @Override
  public String toString() {
    return "LatencyModel[inputTap=" + inputTap.toMillis() + "ms, inputSwipe=" + inputSwipe.toMillis()
        + "ms, inputText=" + inputText.toMillis() + "ms, inputKey=" + inputKey.toMillis() + "ms, rawEventWrite="
        + rawEventWrite.toMillis() + "ms, screencapPng=" + screencapPng.toMillis() + "ms, screencapRaw="
        + screencapRaw.toMillis() + "ms, command=" + command.toMillis() + "ms, swipeTakesItsDuration="
        + swipeTakesItsDuration + "]";
  }
}
