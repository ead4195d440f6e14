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
   * Decodes a PNG (or any image ImageIO reads) into a screenshot, for recorded screens and
   * offline matching ({@code Vision.frame(Screenshot)}). Decoded on the heap; transparent pixels
   * keep their alpha, which matching ignores.
   *
   * @param png the encoded image
   * @param source where the bytes came from, named in errors (a file name)
   * @return the screenshot, captured "now"
   * @throws IllegalArgumentException when the bytes are not a readable image
   */
  public static Screenshot fromPng(byte[] png, String source) {
    BufferedImage image;
    try {
      image = png.length == 0 ? null : ImageIO.read(new java.io.ByteArrayInputStream(png));
    } catch (IOException e) {
      image = null;
    }
    if (image == null) {
      throw new IllegalArgumentException("screen " + source + " is not a readable image (" + png.length
          + " bytes): save screens as PNG, for example with the inspector's Save screen");
    }
    return of(image);
  }

  /**
   * Copies an image into a screenshot, captured "now".
   *
   * @param image any image; its pixels are converted to RGBA
   * @return the screenshot
   */
  public static Screenshot of(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    ByteBuffer b = ByteBuffer.allocate(w * h * 4);
    for (int p : argb) {
      b.put((byte) (p >> 16)).put((byte) (p >> 8)).put((byte) p).put((byte) (p >>> 24));
    }
    b.flip();
    return new Screenshot(new Size(w, h), b.asReadOnlyBuffer(), System.nanoTime());
  }

  /**
   * This frame as an image on the heap (opaque RGB), for cropping and drawing.
   *
   * @return a new image of {@link #size()}
   */
  public BufferedImage toImage() {
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
    return image;
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
    BufferedImage image = toImage();
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
