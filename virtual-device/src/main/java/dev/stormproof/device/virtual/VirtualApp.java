package dev.stormproof.device.virtual;

import dev.stormproof.device.Size;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;

/**
 * An app running on the {@link VirtualDevice}: the device's shell routes input to it and
 * captures its frames. The sample game Arena is one; tests may plug their own.
 *
 * <p>Thread model: the device calls these methods from its connection threads, possibly
 * concurrently; implementations synchronise themselves. Time is passed in explicitly
 * ({@code nowMillis}, from the device's clock) so that rendering is deterministic for a seed.
 *
 * <p>Register a default app in {@code META-INF/services/dev.stormproof.device.virtual.VirtualApp}
 * (public no-argument constructor), or pass one to {@link VirtualDeviceOptions#withApp}.
 */
public interface VirtualApp {

  /** @return the Android package name, for example {@code dev.stormproof.arena} */
  String packageName();

  /** @return the launch component, for example {@code dev.stormproof.arena/.MainActivity} */
  String component();

  /**
   * Restarts from the first screen ({@code am start}).
   *
   * @param nowMillis the device clock's time
   */
  void start(long nowMillis);

  /**
   * Stops ({@code am force-stop}); the screen shows the launcher until the next start.
   *
   * @param nowMillis the device clock's time
   */
  void stop(long nowMillis);

  /**
   * Renders the screen.
   *
   * @param size the image size, the current screen size
   * @param nowMillis the device clock's time
   * @return a TYPE_INT_ARGB (or RGB) image of {@code size}; the caller may keep it
   */
  BufferedImage render(Size size, long nowMillis);

  /**
   * The display size changed ({@code wm size WxH} / {@code wm size reset}); input coordinates
   * that follow are in the new size. Apps that only learn the size from {@link #render} may
   * ignore it.
   *
   * @param size the new size
   */
  default void screenSize(Size size) {}

  /**
   * A completed tap at a screen pixel.
   *
   * @param x column
   * @param y row
   * @param nowMillis the device clock's time
   */
  void tap(int x, int y, long nowMillis);

  /**
   * A swipe gesture from (x1, y1) to (x2, y2).
   *
   * @param x1 start column
   * @param y1 start row
   * @param x2 end column
   * @param y2 end row
   * @param durationMillis how long the gesture took
   * @param nowMillis the device clock's time
   */
  void swipe(int x1, int y1, int x2, int y2, long durationMillis, long nowMillis);

  /**
   * Text typed into the focused field.
   *
   * @param text the text, already unquoted
   * @param nowMillis the device clock's time
   */
  void text(String text, long nowMillis);

  /**
   * A key event.
   *
   * @param keyCode the Android key code
   * @param nowMillis the device clock's time
   */
  void key(int keyCode, long nowMillis);

  /**
   * A human-readable state dump for {@code dumpsys}: current screen, counters, etc.
   *
   * @param nowMillis the device clock's time
   * @return the dump
   */
  String dump(long nowMillis);

  /**
   * What the app did last, as its own log line ({@code tap 540,1800 on play}); empty for none.
   *
   * @return the last event
   */
  default String lastEvent() {
    return "";
  }

  /**
   * The version {@code dumpsys package} reports.
   *
   * @return for example {@code 1.0.0}
   */
  default String versionName() {
    return "1.0.0";
  }

  /**
   * The app's process as {@code pidof}, {@code dumpsys meminfo/gfxinfo/activity} and
   * {@code /proc/<pid>} show it; empty while it is not running, or when the app models no
   * process (then those commands answer as for an app that is not running).
   *
   * @param nowMillis the device's time
   * @return the process, or empty
   */
  default Optional<AppProcess> process(long nowMillis) {
    return Optional.empty();
  }

  /**
   * {@code dumpsys gfxinfo <package> reset}: frame statistics start again from now.
   *
   * @param nowMillis the device's time
   */
  default void resetFrameStats(long nowMillis) {}

  /**
   * A system property was set with {@code setprop}; apps read their debug switches here.
   *
   * @param key the property
   * @param value its new value
   * @param nowMillis the device's time
   */
  default void propertySet(String key, String value, long nowMillis) {}

  /**
   * The app's entries in the crash log buffer ({@code logcat -b crash}), in logcat's threadtime
   * format, oldest first.
   *
   * @return the lines, empty when the app never crashed
   */
  default List<String> crashLog() {
    return List.of();
  }

  /**
   * The UI tree in the XML {@code uiautomator dump} writes, or null when the app has none.
   *
   * @param size the screen size the bounds refer to
   * @param nowMillis the device clock
   * @return the dump, or null
   */
  default String uiDump(Size size, long nowMillis) {
    return null;
  }
}
