package dev.stormproof.tap;

import dev.stormproof.device.Device;
import dev.stormproof.device.Point;
import dev.stormproof.device.Screenshot;
import dev.stormproof.device.ShellResult;
import dev.stormproof.device.Size;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

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

  private final Device device;
  private final TapQueue queue;
  private final boolean owns;

  private RateLimitedDevice(Device device, TapQueue queue, boolean owns) {
    this.device = Objects.requireNonNull(device, "device");
    this.queue = Objects.requireNonNull(queue, "queue");
    this.owns = owns;
  }

  /** Wraps {@code device} with a new queue; closing the result closes both. */
  public static RateLimitedDevice owning(Device device, TapOptions options) {
    return new RateLimitedDevice(device, new TapQueue(device.serial(), options, device::tap, TapClock.system()), true);
  }

  /** A handle over a device and queue owned elsewhere; closing it closes neither. */
  public static RateLimitedDevice sharing(Device device, TapQueue queue) {
    return new RateLimitedDevice(device, queue, false);
  }

  /** The device taps are delivered to. */
  public Device delegate() {
    return device;
  }

  public TapQueue queue() {
    return queue;
  }

  @Override public String serial() { return device.serial(); }
  @Override public String model() { return device.model(); }
  @Override public Size screenSize() { return device.screenSize(); }

  @Override
  public void tap(Point point) {
    checkOnScreen(point);
    queue.tap(point);
  }

  /** Queues a tap and returns at once; the future completes when it was delivered. */
  public CompletableFuture<Void> tapAsync(Point point) {
    checkOnScreen(point);
    return queue.submit(point);
  }

  @Override public void swipe(Point from, Point to, Duration duration) { device.swipe(from, to, duration); }
  @Override public void longPress(Point point, Duration duration) { device.longPress(point, duration); }
  @Override public void text(String text) { device.text(text); }
  @Override public void key(int keyCode) { device.key(keyCode); }
  @Override public ShellResult shell(String command) { return device.shell(command); }
  @Override public Screenshot screenshot() { return device.screenshot(); }
  @Override public void startApp(String component) { device.startApp(component); }
  @Override public void stopApp(String packageName) { device.stopApp(packageName); }

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
