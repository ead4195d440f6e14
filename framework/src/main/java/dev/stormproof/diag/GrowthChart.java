package dev.stormproof.diag;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * One small chart panel per judged counter, with the numbers the leak report prints: the value
 * after each judged iteration, the baseline (solid) and baseline + tolerance (dashed), the
 * iteration that leaked in red. The axis spans only those numbers, so a growth of 2 threads is
 * as visible as a growth of 25 MiB.
 */
public final class GrowthChart {

  /**
   * One counter's panel.
   *
   * @param title the counter's name
   * @param bytes whether values are bytes (shown in MiB)
   * @param baseline the value after warm-up
   * @param tolerance the allowed growth
   * @param iterations the judged iterations, in order
   * @param values the counter after each of them
   * @param leakedAt the iteration that leaked, or 0
   */
  public record Panel(String title, boolean bytes, long baseline, long tolerance, int[] iterations, long[] values,
      int leakedAt) {}

  private static final int W = 300;
  private static final int H = 190;

  private GrowthChart() {}

  /**
   * The panels side by side as PNG.
   *
   * @param panels at least one
   * @param scale 1 for full size, 0.6 for the small clean-run chart
   * @return PNG bytes
   */
  public static byte[] png(List<Panel> panels, double scale) {
    int w = (int) (W * scale);
    int h = (int) (H * scale);
    BufferedImage img = new BufferedImage(Math.max(1, panels.size()) * w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), h);
    g.scale(scale, scale);
    for (int i = 0; i < panels.size(); i++) {
      draw(g, panels.get(i), (int) (i * W));
    }
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode the leak chart as PNG", e);
    }
    return out.toByteArray();
  }

  static String amount(double v, boolean bytes) {
    return bytes ? String.format(Locale.ROOT, "%.1f MiB", v / (1024.0 * 1024.0))
        : v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static void draw(Graphics2D g, Panel p, int x0) {
    int left = x0 + 62;
    int right = x0 + W - 12;
    int top = 34;
    int bottom = H - 28;
    long lo = Math.min(p.baseline(), p.baseline() + Math.min(0, p.tolerance()));
    long hi = p.baseline() + Math.max(0, p.tolerance());
    for (long v : p.values()) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    double step = niceStep(Math.max(1, hi - lo) / 3.0, p.bytes());
    double axisLo = Math.floor(lo / step) * step;
    double axisHi = Math.max(axisLo + step, Math.ceil(hi / step) * step);
    if (axisHi == hi) {
      axisHi += step; // keep the top line off the frame
    }
    double span = axisHi - axisLo;
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    g.drawString(p.title(), x0 + 10, 18);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    for (double t = axisLo; t <= axisHi + step / 2; t += step) {
      int y = (int) Math.round(bottom - (t - axisLo) / span * (bottom - top));
      g.setColor(new Color(230, 230, 230));
      g.drawLine(left, y, right, y);
      g.setColor(Color.DARK_GRAY);
      g.drawString(amount(t, p.bytes()), x0 + 4, y + 4);
    }
    int n = p.values().length;
    java.util.function.IntUnaryOperator px = i -> n <= 1 ? (left + right) / 2 : left + 8 + i * (right - left - 16) / (n - 1);
    java.util.function.LongUnaryOperator py = v -> Math.round(bottom - (v - axisLo) / span * (bottom - top));
    g.setColor(new Color(40, 120, 40));
    g.setStroke(new BasicStroke(1.5f));
    int yb = (int) py.applyAsLong(p.baseline());
    g.drawLine(left, yb, right, yb);
    g.drawString("baseline " + amount(p.baseline(), p.bytes()), left + 4, yb - 3);
    g.setColor(new Color(200, 120, 0));
    g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
    int yt = (int) py.applyAsLong(p.baseline() + p.tolerance());
    g.drawLine(left, yt, right, yt);
    g.drawString("tolerance " + amount(p.tolerance(), p.bytes()), right - 90, yt - 3);
    g.setStroke(new BasicStroke(2f));
    g.setColor(new Color(30, 80, 200));
    for (int i = 1; i < n; i++) {
      g.drawLine(px.applyAsInt(i - 1), (int) py.applyAsLong(p.values()[i - 1]), px.applyAsInt(i), (int) py.applyAsLong(p.values()[i]));
    }
    for (int i = 0; i < n; i++) {
      boolean leak = p.iterations()[i] == p.leakedAt();
      g.setColor(leak ? Color.RED : new Color(30, 80, 200));
      int cx = px.applyAsInt(i);
      int cy = (int) py.applyAsLong(p.values()[i]);
      g.fillOval(cx - 4, cy - 4, 8, 8);
      g.setColor(Color.DARK_GRAY);
      g.drawString("#" + p.iterations()[i], cx - 6, bottom + 14);
      if (leak) {
        g.setColor(Color.RED);
        g.drawString("now " + amount(p.values()[i], p.bytes()), cx - 30, cy - 8);
      }
    }
    g.setColor(Color.GRAY);
    g.drawRect(left, top, right - left, bottom - top);
  }

  /** 1, 2 or 5 times a power of ten (of MiB for bytes): ticks people read at a glance. */
  static double niceStep(double raw, boolean bytes) {
    double unit = bytes ? 1024.0 * 1024.0 : 1.0;
    double r = Math.max(raw / unit, bytes ? 0.1 : 1.0);
    double pow = Math.pow(10, Math.floor(Math.log10(r)));
    double f = r / pow;
    double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
    return nice * pow * unit;
  }
}
