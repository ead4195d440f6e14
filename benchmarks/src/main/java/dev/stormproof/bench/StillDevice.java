package dev.stormproof.bench;

import dev.stormproof.device.Device;
import dev.stormproof.device.Point;
import dev.stormproof.device.Screenshot;
import dev.stormproof.device.ShellResult;
import dev.stormproof.device.Size;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * A {@link Device} whose screen is one fixed image, held as the raw RGBA_8888 a device's
 * {@code screencap} sends: lets the benchmarks time Stormproof's vision without device I/O.
 * Anything but {@link #screenshot()} and the screen size throws {@link UnsupportedOperationException}.
 * Thread-safe (immutable).
 */
public final class StillDevice implements Device {
  private final Size size;
  private final ByteBuffer rgba;

  public StillDevice(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    ByteBuffer b = ByteBuffer.allocateDirect(w * h * 4);
    for (int p : argb) {
      b.put((byte) (p >> 16)).put((byte) (p >> 8)).put((byte) p).put((byte) 0xff);
    }
    b.flip();
    this.size = new Size(w, h);
    this.rgba = b.asReadOnlyBuffer();
  }

  @Override
  public Screenshot screenshot() {
    return new Screenshot(size, rgba.duplicate(), System.nanoTime());
  }

  @Override
  public Size screenSize() {
    return size;
  }

  @Override
  public String serial() {
    return "still-image";
  }

  @Override
  public String model() {
    return "still image " + size;
  }

  @Override
  public void tap(Point point) {
    throw unsupported("tap");
  }

  @Override
  public void swipe(Point from, Point to, Duration duration) {
    throw unsupported("swipe");
  }

  @Override
  public void longPress(Point point, Duration duration) {
    throw unsupported("longPress");
  }

  @Override
  public void text(String text) {
    throw unsupported("text");
  }

  @Override
  public void key(int keyCode) {
    throw unsupported("key");
  }

  @Override
  public ShellResult shell(String command) {
    throw unsupported("shell");
  }

  @Override
  public void startApp(String component) {
    throw unsupported("startApp");
  }

  @Override
  public void stopApp(String packageName) {
    throw unsupported("stopApp");
  }

  @Override
  public void close() {
  }

  private static UnsupportedOperationException unsupported(String what) {
    return new UnsupportedOperationException(what + " on a still image: only screenshot() and screenSize() work");
  }
}
