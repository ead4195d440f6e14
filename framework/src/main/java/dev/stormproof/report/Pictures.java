package dev.stormproof.report;

import dev.stormproof.device.Point;
import dev.stormproof.device.Screenshot;
import dev.stormproof.device.Size;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Small report pictures drawn on the heap with Java2D (no native buffers, so they never touch a
 * test's leak accounting): a screen thumbnail with a tap point or swipe path, and a heat-map of
 * where a burst of taps landed. Each is a JPEG of a few tens of KB.
 */
public final class Pictures {

  /** Width of step pictures in pixels: readable in Allure's attachment pane, small on disk. */
  public static final int WIDTH = 270;

  private static final Color MARK = new Color(255, 40, 40);

  private Pictures() {}

  /**
   * {@code shot} scaled to {@code width} pixels wide (nearest pixel: fast, and enough for a thumbnail).
   *
   * @param shot the frame
   * @param width the thumbnail width in pixels
   * @return a new RGB image
   */
  public static BufferedImage thumbnail(Screenshot shot, int width) {
    int sw = shot.size().width();
    int sh = shot.size().height();
    int w = Math.max(1, Math.min(width, sw));
    int h = Math.max(1, (int) Math.round((double) sh * w / sw));
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    ByteBuffer px = shot.rgba();
    int base = px.position();
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      int sy = (int) ((long) y * sh / h);
      for (int x = 0; x < w; x++) {
        int i = base + (sy * sw + (int) ((long) x * sw / w)) * 4;
        row[x] = ((px.get(i) & 0xff) << 16) | ((px.get(i + 1) & 0xff) << 8) | (px.get(i + 2) & 0xff);
      }
      out.setRGB(0, y, w, 1, row, 0, w);
    }
    return out;
  }

  /**
   * The screen with a ring around the tap point.
   *
   * @param shot the screen the tap acted on
   * @param p the tap point in screen pixels
   * @return JPEG bytes
   */
  public static byte[] tap(Screenshot shot, Point p) {
    BufferedImage img = thumbnail(shot, WIDTH);
    double s = (double) img.getWidth() / shot.size().width();
    Graphics2D g = graphics(img);
    int x = (int) Math.round(p.x() * s);
    int y = (int) Math.round(p.y() * s);
    g.setStroke(new BasicStroke(3f));
    g.setColor(MARK);
    g.drawOval(x - 11, y - 11, 22, 22);
    g.fillOval(x - 3, y - 3, 6, 6);
    g.dispose();
    return jpeg(img, 0.8f);
  }

  /**
   * The screen with the swipe path drawn from a hollow start to a filled end.
   *
   * @param shot the screen the swipe acted on
   * @param from where the finger went down
   * @param to where it lifted
   * @return JPEG bytes
   */
  public static byte[] swipe(Screenshot shot, Point from, Point to) {
    BufferedImage img = thumbnail(shot, WIDTH);
    double s = (double) img.getWidth() / shot.size().width();
    Graphics2D g = graphics(img);
    int x0 = (int) Math.round(from.x() * s);
    int y0 = (int) Math.round(from.y() * s);
    int x1 = (int) Math.round(to.x() * s);
    int y1 = (int) Math.round(to.y() * s);
    g.setColor(MARK);
    g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.drawLine(x0, y0, x1, y1);
    g.drawOval(x0 - 8, y0 - 8, 16, 16);
    g.fillOval(x1 - 7, y1 - 7, 14, 14);
    g.dispose();
    return jpeg(img, 0.8f);
  }

  /**
   * The screen as it was, unmarked (text and key steps).
   *
   * @param shot the screen
   * @return JPEG bytes
   */
  public static byte[] screen(Screenshot shot) {
    return jpeg(thumbnail(shot, WIDTH), 0.8f);
  }

  /**
   * Where taps landed: the last screen dimmed (or black), with a density map from transparent
   * over yellow to red, and the count written on top.
   *
   * @param screen the screen size the points are in
   * @param background the last frame of the test, or null
   * @param points the tap points
   * @return JPEG bytes
   */
  public static byte[] heatMap(Size screen, Screenshot background, List<Point> points) {
    int w = WIDTH;
    int h = Math.max(1, (int) Math.round((double) screen.height() * w / screen.width()));
    BufferedImage img = background != null && background.size().equals(screen)
        ? thumbnail(background, w) : new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = graphics(img);
    g.setColor(new Color(0, 0, 0, 150));
    g.fillRect(0, 0, w, h);
    float[] density = new float[w * h];
    int r = 12;
    double s = (double) w / screen.width();
    for (Point p : points) {
      int cx = (int) Math.round(p.x() * s);
      int cy = (int) Math.round(p.y() * s);
      for (int y = Math.max(0, cy - r); y < Math.min(h, cy + r + 1); y++) {
        for (int x = Math.max(0, cx - r); x < Math.min(w, cx + r + 1); x++) {
          double d2 = (double) (x - cx) * (x - cx) + (double) (y - cy) * (y - cy);
          density[y * w + x] += (float) Math.exp(-d2 / (2.0 * (r / 2.5) * (r / 2.5)));
        }
      }
    }
    float max = 0;
    for (float d : density) {
      max = Math.max(max, d);
    }
    for (int y = 0; y < h && max > 0; y++) {
      for (int x = 0; x < w; x++) {
        float v = density[y * w + x] / max;
        if (v > 0.02f) {
          int heat = new Color(255, (int) (255 * (1 - v)), 0).getRGB();
          img.setRGB(x, y, blend(img.getRGB(x, y), heat, Math.min(1f, 0.35f + 0.65f * v)));
        }
      }
    }
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.setColor(Color.WHITE);
    g.drawString(points.size() + " taps", 8, 22);
    g.dispose();
    return jpeg(img, 0.85f);
  }

  private static int blend(int under, int over, float a) {
    int r = (int) (((under >> 16) & 0xff) * (1 - a) + ((over >> 16) & 0xff) * a);
    int g = (int) (((under >> 8) & 0xff) * (1 - a) + ((over >> 8) & 0xff) * a);
    int b = (int) ((under & 0xff) * (1 - a) + (over & 0xff) * a);
    return (r << 16) | (g << 8) | b;
  }

  private static Graphics2D graphics(BufferedImage img) {
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    return g;
  }

  /**
   * {@code img} as JPEG.
   *
   * @param img the picture
   * @param quality in (0, 1]
   * @return JPEG bytes
   */
  public static byte[] jpeg(BufferedImage img, float quality) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) { // no temp-file cache
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.setOutput(stream);
      writer.write(null, new IIOImage(img, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode a report picture as JPEG", e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
