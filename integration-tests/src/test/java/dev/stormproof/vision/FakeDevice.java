package dev.stormproof.vision;

import dev.stormproof.device.Device;
import dev.stormproof.device.Point;
import dev.stormproof.device.Screenshot;
import dev.stormproof.device.ShellResult;
import dev.stormproof.device.Size;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A test device showing a settable image and recording taps; only screen and tap work. */
final class FakeDevice implements Device {

  private volatile BufferedImage screen;
  private volatile ByteBuffer rgba;
  final List<Point> taps = new CopyOnWriteArrayList<>();
  final AtomicInteger screenshots = new AtomicInteger();

  FakeDevice(BufferedImage screen) {
    show(screen);
  }

  void show(BufferedImage image) {
    this.rgba = toRgba(image);
    this.screen = image;
  }

  static ByteBuffer toRgba(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    ByteBuffer b = ByteBuffer.allocateDirect(w * h * 4);
    for (int p : argb) {
      b.put((byte) (p >> 16)).put((byte) (p >> 8)).put((byte) p).put((byte) (p >>> 24));
    }
    b.flip();
    return b.asReadOnlyBuffer();
  }

  @Override public String serial() { return "fake-1"; }
  @Override public String model() { return "Fake"; }
  @Override public Size screenSize() { return new Size(screen.getWidth(), screen.getHeight()); }
  @Override public void tap(Point point) { taps.add(point); }

  private volatile int switchAt = -1;
  private volatile BufferedImage next;

  /** Shows {@code image} from the {@code n}-th screenshot on (1-based), as an app would change. */
  void showFrom(int n, BufferedImage image) {
    next = image;
    switchAt = n;
  }

  @Override
  public Screenshot screenshot() {
    int n = screenshots.incrementAndGet();
    if (switchAt > 0 && n >= switchAt && next != null) {
      show(next);
      next = null;
    }
    BufferedImage s = screen;
    return new Screenshot(new Size(s.getWidth(), s.getHeight()), rgba.duplicate(), System.nanoTime());
  }

  @Override public void swipe(Point from, Point to, Duration duration) { throw new UnsupportedOperationException("swipe"); }
  @Override public void longPress(Point point, Duration duration) { throw new UnsupportedOperationException("longPress"); }
  @Override public void text(String text) { throw new UnsupportedOperationException("text"); }
  @Override public void key(int keyCode) { throw new UnsupportedOperationException("key"); }
  @Override public ShellResult shell(String command) { throw new UnsupportedOperationException("shell"); }
  @Override public void startApp(String component) { throw new UnsupportedOperationException("startApp"); }
  @Override public void stopApp(String packageName) { throw new UnsupportedOperationException("stopApp"); }
  @Override public void close() {}
}
