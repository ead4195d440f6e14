package dev.stormproof.device;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * One captured frame as tightly packed RGBA_8888 rows (4 bytes a pixel, {@code width * 4}
 * bytes a row), the layout of Android's raw {@code screencap}. Validated on capture: the pixel
 * buffer always holds exactly {@code width * height * 4} bytes.
 *
 * <p>The buffer is read-only and may be reused by the device for the next capture when the
 * caller passed it in; copy what you keep.
 *
 * @param size the frame's size
 * @param rgba the pixels, {@code width * height * 4} bytes from position to limit
 * @param capturedAtNanos {@link System#nanoTime()} when the capture completed
 */
public record Screenshot(Size size, ByteBuffer rgba, long capturedAtNanos) {
  /**
   * Validates the pixel buffer's length.
   *
   * @param size the frame's size
   * @param rgba the pixels
   * @param capturedAtNanos {@link System#nanoTime()} at capture
   * @throws DeviceProtocolException when {@code rgba} does not hold exactly one frame
   */
  public Screenshot {
    long expected = (long) size.width() * size.height() * 4;
    if (rgba.remaining() != expected) {
      throw new DeviceProtocolException(
          "screenshot of " + size + " has " + rgba.remaining() + " pixel bytes, expected " + expected);
    }
  }

  /**
   * This frame as PNG bytes (lossless; a noisy 1080x2400 game screen is 3-4 MB). Encodes on the
   * heap; safe to call from any thread.
   *
   * @return the PNG file's bytes
   * @throws java.io.UncheckedIOException when encoding fails
   */
  public byte[] toPng() {
    return encode("png", null);
  }

  /**
   * This frame as JPEG bytes of {@code quality} in (0, 1]: about a tenth of the PNG's size, for
   * report attachments of every test.
   *
   * @param quality JPEG quality in (0, 1], for example 0.85
   * @return the JPEG file's bytes
   * @throws IllegalArgumentException when {@code quality} is out of range
   * @throws java.io.UncheckedIOException when encoding fails
   */
  public byte[] toJpeg(float quality) {
    if (!(quality > 0 && quality <= 1)) {
      throw new IllegalArgumentException("JPEG quality must be in (0, 1], but it is " + quality + "; use for example 0.85");
    }
    return encode("jpeg", quality);
  }

  // On the heap through ImageIO: report encoding must not allocate native buffers a test owns.
  private byte[] encode(String format, Float quality) {
    int w = size.width();
    int h = size.height();
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    ByteBuffer px = rgba.duplicate();
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int r = px.get() & 0xff;
        int g = px.get() & 0xff;
        int b = px.get() & 0xff;
        px.get(); // alpha: screens are opaque
        row[x] = (r << 16) | (g << 8) | b;
      }
      image.setRGB(0, y, w, 1, row, 0, w);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
    try {
      if (quality == null) {
        ImageIO.write(image, format, out);
      } else {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
          ImageWriteParam param = writer.getDefaultWriteParam();
          param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
          param.setCompressionQuality(quality);
          writer.setOutput(stream);
          writer.write(null, new IIOImage(image, null, null), param);
        } finally {
          writer.dispose();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode a " + size + " screenshot as " + format, e);
    }
    return out.toByteArray();
  }
}
