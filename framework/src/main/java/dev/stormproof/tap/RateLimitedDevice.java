package dev.stormproof.tap;

import dev.stormproof.device.Device;
import dev.stormproof.device.Point;
import dev.stormproof.device.Screenshot;
import dev.stormproof.device.ShellResult;
import dev.stormproof.device.Size;
import dev.stormproof.report.Pictures;
import dev.stormproof.report.ReportSink;
import dev.stormproof.report.ScreenMemory;
import dev.stormproof.report.StepMode;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A {@link Device} whose {@link #tap} goes through a {@link TapQueue}; every other call goes
 * straight to the device. {@code tap} blocks until the tap was delivered and rethrows its failure
 * (a {@code DeviceException}), so a lost connection is never swallowed; use {@link #tapAsync} to
 * queue without waiting (the failure is then on the future, counted in the queue's metrics, and
 * kept for the tap's owner: {@link TapQueue#takeFailures}; under {@code @OnDevice} it fails the
 * test when the test ends).
 * Arguments are validated before queueing, so a bad point fails in the caller.
 *
 * <p>Ownership: a device made by {@link #owning} closes its queue and the device on
 * {@link #close()}; one made by {@link #sharing} (a leased handle) closes nothing, because the
 * device and its queue outlive the lease. Thread-safe.
 */
public final class RateLimitedDevice implements Device {

  private static final int MAX_SHOWN = 80;

  private final Device device;
  private final TapQueue queue;
  private final boolean owns;
  private final ActionReport report; // null: no steps

  private RateLimitedDevice(Device device, TapQueue queue, boolean owns, ActionReport report) {
    this.device = Objects.requireNonNull(device, "device");
    this.queue = Objects.requireNonNull(queue, "queue");
    this.owns = owns;
    this.report = report;
  }

  /**
   * Wraps a device with a new queue; closing the result closes both.
   *
   * @param device receives the taps; now owned by the result
   * @param options the queue's rate and limits
   * @return the wrapper
   */
  public static RateLimitedDevice owning(Device device, TapOptions options) {
    return new RateLimitedDevice(device, new TapQueue(device.serial(), options, device::tap, TapClock.system()), true, null);
  }

  /**
   * A handle over a device and queue owned elsewhere; closing it closes neither.
   *
   * @param device the device other calls go to
   * @param queue the queue taps go through
   * @return the handle
   */
  public static RateLimitedDevice sharing(Device device, TapQueue queue) {
    return new RateLimitedDevice(device, queue, false, null);
  }

  /**
   * A copy of this handle (sharing device and queue, closing neither) that reports every action
   * of the calling thread as a step of {@code report} with its coordinates, without pictures
   * ({@link StepMode#ACTIONS}); see {@link #reportingTo(ActionReport)}.
   *
   * @param report where steps go
   * @return the reporting handle
   */
  public RateLimitedDevice reportingTo(ReportSink report) {
    return reportingTo(new ActionReport(report, StepMode.ACTIONS, new ScreenMemory(), Thread.currentThread()));
  }

  /**
   * A copy of this handle (sharing device and queue, closing neither) whose actions go to
   * {@code report}: on the test thread each is a step (timed, failed when the action throws),
   * taps from other threads are collected into bursts, shell calls and captures are counted.
   * Reads (serial, model, size) are not reported. This is the handle {@code @OnDevice} injects.
   *
   * @param report the test's action report
   * @return the reporting handle
   */
  public RateLimitedDevice reportingTo(ActionReport report) {
    return new RateLimitedDevice(device, queue, false, Objects.requireNonNull(report, "report"));
  }

  /** @return the device taps are delivered to */
  public Device delegate() {
    return device;
  }

  /** @return the queue taps go through */
  public TapQueue queue() {
    return queue;
  }

  @Override public String serial() { return device.serial(); }
  @Override public String model() { return device.model(); }
  @Override public Size screenSize() { return device.screenSize(); }

  @Override
  public void tap(Point point) {
    checkOnScreen(point);
    if (report == null) {
      queue.tap(point);
    } else {
      report.tap(point, () -> queue.tap(point));
    }
  }

  /**
   * Queues a tap and returns at once.
   *
   * @param point where to tap, inside the screen
   * @return completes when the tap was delivered, or exceptionally with its failure
   * @throws IllegalArgumentException when {@code point} is off screen
   * @throws TapRejectedException when the queue is full or closed
   */
  public CompletableFuture<Void> tapAsync(Point point) {
    checkOnScreen(point);
    CompletableFuture<Void> delivery = queue.submit(point);
    if (report != null) {
      report.queued(point, delivery);
    }
    return delivery;
  }

  @Override
  public void swipe(Point from, Point to, Duration duration) {
    step("swipe " + from + " -> " + to + " in " + duration.toMillis() + " ms", () -> device.swipe(from, to, duration),
        shot -> Pictures.swipe(shot, from, to));
  }

  @Override
  public void longPress(Point point, Duration duration) {
    step("long press " + point + " for " + duration.toMillis() + " ms", () -> device.longPress(point, duration),
        shot -> Pictures.tap(shot, point));
  }

  @Override
  public void text(String text) {
    step("type \"" + shorten(text) + "\"", () -> device.text(text), Pictures::screen);
  }

  @Override
  public void key(int keyCode) {
    step("key " + keyCode, () -> device.key(keyCode), Pictures::screen);
  }

  @Override
  public ShellResult shell(String command) {
    if (report != null) {
      report.shell(command);
    }
    return device.shell(command);
  }

  @Override
  public Screenshot screenshot() {
    Screenshot shot = device.screenshot();
    if (report != null) {
      report.captured(shot);
    }
    return shot;
  }

  @Override
  public void startApp(String component) {
    step("start app " + component, () -> device.startApp(component), Pictures::screen);
    if (report != null) {
      report.appStarted(component);
    }
  }

  @Override
  public void stopApp(String packageName) {
    step("stop app " + packageName, () -> device.stopApp(packageName), Pictures::screen);
  }

  private void step(String name, Runnable action, Function<Screenshot, byte[]> picture) {
    if (report == null) {
      action.run();
    } else {
      report.action(name, action, picture);
    }
  }

  private static String shorten(String s) {
    String oneLine = s.replace("\n", "\\n");
    return oneLine.length() <= MAX_SHOWN ? oneLine : oneLine.substring(0, MAX_SHOWN) + "...";
  }

  @Override
  public void close() {
    if (owns) {
      queue.close();
      device.close();
    }
  }

  private void checkOnScreen(Point p) {
    Objects.requireNonNull(p, "point");
    Size s = device.screenSize();
    if (!s.contains(p)) {
      throw new IllegalArgumentException("tap at " + p + " is off screen: " + device.serial() + " is " + s
          + "; use 0 <= x < " + s.width() + " and 0 <= y < " + s.height());
    }
  }

  @Override
  public String toString() {
    return "RateLimitedDevice[" + device.serial() + ", " + queue.options() + "]";
  }
}
