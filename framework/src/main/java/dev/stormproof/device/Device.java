package dev.stormproof.device;

import java.time.Duration;

/**
 * A handle to one Android device (a phone over ADB, or the embedded virtual device).
 *
 * <p>Contract: every call is bounded by the device's configured timeout and either completes or
 * throws a {@link DeviceException} subtype ({@link DeviceLostException},
 * {@link DeviceTimeoutException}, {@link DeviceProtocolException}, ...). No call returns short
 * data. Implementations are thread-safe: many tasks may tap and capture at once.
 *
 * <p>Input methods validate their arguments before any I/O: a point outside
 * {@link #screenSize()} or a non-positive duration is an {@link IllegalArgumentException} whose
 * message names the fix.
 */
public interface Device extends AutoCloseable {

  /** The ADB serial, for example {@code 127.0.0.1:6520} or {@code emulator-5554}. */
  String serial();

  /** The model as {@code ro.product.model} reports it. */
  String model();

  /** Physical screen size in the current orientation ({@code wm size}). */
  Size screenSize();

  /** Taps once at {@code point}. Never retried: a lost connection throws. */
  void tap(Point point);

  /** Swipes from {@code from} to {@code to} over {@code duration} (positive). */
  void swipe(Point from, Point to, Duration duration);

  /** Presses at {@code point} for {@code duration} (positive). */
  void longPress(Point point, Duration duration);

  /**
   * Types {@code text} as keyboard input. The text is quoted for the device shell: quotes,
   * backslashes, {@code ;}, {@code $} and newlines reach the app as typed, never run. Real phones
   * type through Android's {@code input text}, which maps characters through the keyboard's key
   * character map: there, expect printable ASCII only (the virtual device accepts any text).
   */
  void text(String text);

  /** Sends one key event, for example {@code 4} (BACK) or {@code 3} (HOME). */
  void key(int keyCode);

  /**
   * Runs {@code command} in the device shell and returns its exit code and output. The command
   * string is passed as is: quote any untrusted part (see {@code ShellQuote}).
   */
  ShellResult shell(String command);

  /** Captures the screen: raw framebuffer where the device supports it, PNG otherwise. */
  Screenshot screenshot();

  /** Starts an activity, {@code am start -n package/.Activity}. */
  void startApp(String component);

  /** Stops an app, {@code am force-stop package}. */
  void stopApp(String packageName);

  /** Releases the connection. Idempotent. */
  @Override
  void close();
}
