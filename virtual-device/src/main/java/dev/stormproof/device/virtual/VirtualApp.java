package dev.stormproof.device.virtual;

import dev.stormproof.device.Size;
import java.awt.image.BufferedImage;

/**
 * An app running on the {@link VirtualDevice}: the device's shell routes input to it and
 * captures its frames. The sample game Arena is one; tests may plug their own.
 *
 * <p>Thread model: the device calls these methods from its connection threads, possibly
 * concurrently; implementations synchronise themselves. Time is passed in explicitly
 * ({@code nowMillis}, from the device's clock) so that rendering is deterministic for a seed.
 */
public interface VirtualApp {

  /** The Android package name, for example {@code dev.stormproof.arena}. */
  String packageName();

  /** The launch component, for example {@code dev.stormproof.arena/.MainActivity}. */
  String component();

  /** Restarts from the first screen ({@code am start}). */
  void start(long nowMillis);

  /** Stops ({@code am force-stop}); the screen shows the launcher until the next start. */
  void stop(long nowMillis);

  /** Renders the screen at {@code nowMillis} into a TYPE_INT_ARGB (or RGB) image of {@code size}. */
  BufferedImage render(Size size, long nowMillis);

  /**
   * The display size changed ({@code wm size WxH} / {@code wm size reset}); input coordinates
   * that follow are in the new size. Apps that only learn the size from {@link #render} may
   * ignore it.
   */
  default void screenSize(Size size) {}

  /** A completed tap at a screen pixel. */
  void tap(int x, int y, long nowMillis);

  /** A swipe gesture from (x1, y1) to (x2, y2). */
  void swipe(int x1, int y1, int x2, int y2, long durationMillis, long nowMillis);

  /** Text typed into the focused field. */
  void text(String text, long nowMillis);

  /** A key event (Android key code). */
  void key(int keyCode, long nowMillis);

  /** A human-readable state dump for {@code dumpsys}: current screen, counters, etc. */
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
}
