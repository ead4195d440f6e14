package dev.stormproof.device;

import java.nio.ByteBuffer;

/**
 * One captured frame as tightly packed RGBA_8888 rows (4 bytes a pixel, {@code width * 4}
 * bytes a row), the layout of Android's raw {@code screencap}. Validated on capture: the pixel
 * buffer always holds exactly {@code width * height * 4} bytes.
 *
 * <p>The buffer is read-only and may be reused by the device for the next capture when the
 * caller passed it in; copy what you keep.
 */
public record Screenshot(Size size, ByteBuffer rgba, long capturedAtNanos) {
  public Screenshot {
    long expected = (long) size.width() * size.height() * 4;
    if (rgba.remaining() != expected) {
      throw new DeviceProtocolException(
          "screenshot of " + size + " has " + rgba.remaining() + " pixel bytes, expected " + expected);
    }
  }
}
