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

  /**
   * The ADB serial. Local: no device I/O.
   *
   * @return the serial, for example {@code 127.0.0.1:6520} or {@code emulator-5554}
   */
  String serial();

  /**
   * The model as {@code ro.product.model} reports it.
   *
   * @return the model name, for example {@code Pixel 8}
   * @throws DeviceException when the device cannot be asked
   */
  String model();

  /**
   * Physical screen size in the current orientation ({@code wm size}).
   *
   * @return the size in physical pixels
   * @throws DeviceException when the device cannot be asked
   */
  Size screenSize();

  /**
   * Taps once at {@code point}. Never retried: a tap that may have landed must not land twice.
   *
   * @param point where to tap, inside {@link #screenSize()}
   * @throws IllegalArgumentException when {@code point} is off screen
   * @throws DeviceException when the tap could not be delivered
   */
  void tap(Point point);

  /**
   * Swipes in a straight line; returns when the gesture has been sent.
   *
   * @param from start, inside {@link #screenSize()}
   * @param to end, inside {@link #screenSize()}
   * @param duration how long the finger moves; positive
   * @throws IllegalArgumentException when a point is off screen or {@code duration} is not positive
   * @throws DeviceException when the gesture could not be delivered
   */
  void swipe(Point from, Point to, Duration duration);

  /**
   * Presses and holds.
   *
   * @param point where to press, inside {@link #screenSize()}
   * @param duration how long to hold; positive
   * @throws IllegalArgumentException when {@code point} is off screen or {@code duration} is not positive
   * @throws DeviceException when the gesture could not be delivered
   */
  void longPress(Point point, Duration duration);

  /**
   * Types {@code text} as keyboard input. The text is quoted for the device shell: quotes,
   * backslashes, {@code ;}, {@code $} and newlines reach the app as typed, never run. Real phones
   * type through Android's {@code input text}, which maps characters through the keyboard's key
   * character map: there, expect printable ASCII only (the virtual device accepts any text).
   *
   * @param text the text to type; empty types nothing
   * @throws DeviceException when the input could not be delivered
   */
  void text(String text);

  /**
   * Sends one key event.
   *
   * @param keyCode an Android {@code KeyEvent} code, for example {@code 4} (BACK) or {@code 3} (HOME)
   * @throws DeviceException when the event could not be delivered
   */
  void key(int keyCode);

  /**
   * Runs {@code command} in the device shell and returns its exit code and output. The command
   * string is passed as is: quote any untrusted part (see
   * {@link dev.stormproof.device.adb.ShellQuote#quote(String)}). A non-zero exit code is returned,
   * not thrown.
   *
   * @param command the shell command line
   * @return exit code, stdout and stderr, complete
   * @throws DeviceException when the command could not be run or its output was cut off
   */
  ShellResult shell(String command);

  /**
   * Captures the screen: raw framebuffer where the device supports it, PNG otherwise.
   *
   * @return the frame, validated (exactly {@code width * height * 4} pixel bytes)
   * @throws DeviceException when the capture failed or was malformed
   */
  Screenshot screenshot();

  /**
   * Starts an activity ({@code am start -n}).
   *
   * @param component {@code package/.Activity}
   * @throws DeviceCommandException when the activity manager refused
   * @throws DeviceException when the device could not be reached
   */
  void startApp(String component);

  /**
   * Stops an app ({@code am force-stop}); stopping an app that is not running is not an error.
   *
   * @param packageName the app's package, for example {@code com.example.game}
   * @throws DeviceException when the device could not be reached
   */
  void stopApp(String packageName);

  /** Releases the connection; other calls fail afterwards. Idempotent, never throws. */
  @Override
  void close();
}
