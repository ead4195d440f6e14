package dev.stormproof.device.adb;

import dev.stormproof.device.DeviceProtocolException;
import dev.stormproof.device.Screenshot;
import dev.stormproof.device.Size;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.imageio.ImageIO;

/**
 * Validates and decodes {@code screencap} output into RGBA {@link Screenshot}s. Truncated or
 * malformed data is a {@link DeviceProtocolException}, never a short image.
 *
 * <p>Raw layout (Android's {@code screencap} without {@code -p}): little-endian u32 width,
 * height, pixel format, then (Android 8+) a u32 colour space, then {@code width*height*bpp}
 * pixel bytes. Which header length applies is decided by the byte count, the only reliable
 * signal across versions.
 */
// Heap buffers on purpose: direct buffers are freed by a GC Cleaner, which the design forbids.
final class ScreenDecoder {

  static final int FORMAT_RGBA_8888 = 1;
  static final int FORMAT_RGBX_8888 = 2;
  static final int FORMAT_RGB_565 = 4;
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] IEND_TRAILER = {
    0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82
  };

  private ScreenDecoder() {}

  /**
   * Decodes raw screencap bytes {@code data[0, length)}. {@code reuse} is filled and returned
   * when it is a buffer of exactly the right capacity; otherwise a new buffer is allocated.
   */
  static Screenshot decodeRaw(byte[] data, int length, Size expected, ByteBuffer reuse, long capturedAtNanos) {
    if (length < 12) {
      throw new DeviceProtocolException(
          "raw screencap is truncated: " + length + " bytes, shorter than the 12-byte header");
    }
    ByteBuffer in = ByteBuffer.wrap(data, 0, length).order(ByteOrder.LITTLE_ENDIAN);
    int width = in.getInt(0);
    int height = in.getInt(4);
    int format = in.getInt(8);
    if (width <= 0 || height <= 0 || width > 16384 || height > 16384) {
      throw new DeviceProtocolException(
          "raw screencap header has an impossible size " + width + "x" + height
              + " (first 12 bytes: width, height, format)");
    }
    int bpp = switch (format) {
      case FORMAT_RGBA_8888, FORMAT_RGBX_8888 -> 4;
      case FORMAT_RGB_565 -> 2;
      default -> throw new DeviceProtocolException(
          "raw screencap pixel format " + format + " is not supported (supported: 1 RGBA_8888, "
              + "2 RGBX_8888, 4 RGB_565); set stormproof.adb.capture=png for this device");
    };
    long pixels = (long) width * height * bpp;
    int header;
    if (length == 12 + pixels) {
      header = 12;
    } else if (length == 16 + pixels) {
      header = 16;
    } else {
      throw new DeviceProtocolException(
          "raw screencap of " + width + "x" + height + " format " + format + " has " + length
              + " bytes, expected " + (12 + pixels) + " or " + (16 + pixels)
              + " (12- or 16-byte header + pixels): the frame is truncated or corrupt");
    }
    Size size = new Size(width, height);
    checkSize(size, expected, "raw");
    int rgbaBytes = width * height * 4;
    ByteBuffer out = reuse != null && reuse.capacity() == rgbaBytes && !reuse.isReadOnly()
        ? reuse.clear() : ByteBuffer.allocate(rgbaBytes);
    if (bpp == 4) {
      out.put(data, header, rgbaBytes);
      if (format == FORMAT_RGBX_8888) {
        for (int i = 3; i < rgbaBytes; i += 4) {
          out.put(i, (byte) 0xFF);
        }
      }
    } else {
      for (int p = header; p < length; p += 2) {
        int v = (data[p] & 0xFF) | (data[p + 1] & 0xFF) << 8;
        int r = (v >> 11) & 0x1F;
        int g = (v >> 5) & 0x3F;
        int b = v & 0x1F;
        out.put((byte) (r << 3 | r >> 2)).put((byte) (g << 2 | g >> 4)).put((byte) (b << 3 | b >> 2)).put((byte) 0xFF);
      }
    }
    out.flip();
    return new Screenshot(size, out.asReadOnlyBuffer(), capturedAtNanos);
  }

  /** Validates PNG bytes (signature, IHDR size, IEND trailer) and decodes them to RGBA. */
  static Screenshot decodePng(byte[] data, int length, Size expected, ByteBuffer reuse, long capturedAtNanos) {
    if (length < PNG_SIGNATURE.length + 25 + IEND_TRAILER.length) {
      throw new DeviceProtocolException("PNG screencap is truncated: only " + length + " bytes");
    }
    for (int i = 0; i < PNG_SIGNATURE.length; i++) {
      if (data[i] != PNG_SIGNATURE[i]) {
        throw new DeviceProtocolException(
            "screencap -p output is not a PNG (bad signature); first bytes: " + preview(data, length));
      }
    }
    for (int i = 0; i < IEND_TRAILER.length; i++) {
      if (data[length - IEND_TRAILER.length + i] != IEND_TRAILER[i]) {
        throw new DeviceProtocolException(
            "PNG screencap of " + length + " bytes does not end with the IEND chunk: the image is truncated");
      }
    }
    ByteBuffer header = ByteBuffer.wrap(data, 0, length).order(ByteOrder.BIG_ENDIAN);
    Size declared = new Size(header.getInt(16), header.getInt(20));
    checkSize(declared, expected, "PNG");
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(data, 0, length));
    } catch (IOException | RuntimeException e) {
      throw new DeviceProtocolException("PNG screencap of " + length + " bytes does not decode: " + e.getMessage(), e);
    }
    if (image == null || image.getWidth() != declared.width() || image.getHeight() != declared.height()) {
      throw new DeviceProtocolException(
          "PNG screencap decoded to " + (image == null ? "nothing" : image.getWidth() + "x" + image.getHeight())
              + ", its header says " + declared);
    }
    int w = declared.width();
    int h = declared.height();
    int rgbaBytes = w * h * 4;
    ByteBuffer out = reuse != null && reuse.capacity() == rgbaBytes && !reuse.isReadOnly()
        ? reuse.clear() : ByteBuffer.allocate(rgbaBytes);
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      image.getRGB(0, y, w, 1, row, 0, w);
      for (int argb : row) {
        out.put((byte) (argb >> 16)).put((byte) (argb >> 8)).put((byte) argb).put((byte) (argb >>> 24));
      }
    }
    out.flip();
    return new Screenshot(declared, out.asReadOnlyBuffer(), capturedAtNanos);
  }

  private static void checkSize(Size actual, Size expected, String kind) {
    // Rotation swaps the axes between `wm size` and the frame; both orientations are plausible.
    if (expected != null && !actual.equals(expected)
        && !(actual.width() == expected.height() && actual.height() == expected.width())) {
      throw new DeviceProtocolException(
          kind + " screencap is " + actual + " but the screen is " + expected
              + ": the frame does not belong to this screen");
    }
  }

  private static String preview(byte[] data, int length) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(16, length); i++) {
      sb.append(String.format("%02x ", data[i]));
    }
    return sb.toString().trim();
  }
}
