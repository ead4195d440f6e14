package dev.stormproof.diag;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.ToLongFunction;
import javax.imageio.ImageIO;

/**
 * Draws a {@link MemorySeries} as a PNG line chart with Java2D (no chart library: one chart
 * type does not justify a dependency). Bytes (native, heap, RSS) use the left axis in MiB;
 * counts (javacpp pointers, threads) use the right axis. Stateless and thread-safe; needs no
 * display (works headless).
 *
 * <p>Internal: public for {@code dev.stormproof.junit}; not part of the API.
 */
public final class MemoryChart {

  private static final int LEFT = 80;
  private static final int RIGHT = 70;
  private static final int TOP = 60;
  private static final int BOTTOM = 50;

  private record Line(String name, Color color, boolean bytes, ToLongFunction<MemorySample> value) {}

  private static final List<Line> LINES = List.of(
      new Line("native in use (MiB)", new Color(0xD62728), true, MemorySample::nativeBytes),
      new Line("heap used (MiB)", new Color(0x1F77B4), true, MemorySample::heapUsed),
      new Line("RSS (MiB)", new Color(0x7F7F7F), true, MemorySample::rssBytes),
      new Line("javacpp pointers", new Color(0x2CA02C), false, MemorySample::javacppCount),
      new Line("threads", new Color(0x9467BD), false, MemorySample::threads));

  private MemoryChart() {}

  /**
   * PNG bytes of a chart of the leak guard's memory series.
   *
   * @param series the samples
   * @param title the chart's title
   * @param width image width in pixels
   * @param height image height in pixels
   * @return the PNG
   */
  public static byte[] png(MemorySeries series, String title, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      draw(g, series.samples(), title, width, height);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("PNG encoding of the memory chart failed", e);
    }
    return out.toByteArray();
  }

  private static void draw(Graphics2D g, List<MemorySample> samples, String title, int w, int h) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    FontMetrics fm = g.getFontMetrics();
    int plotW = w - LEFT - RIGHT;
    int plotH = h - TOP - BOTTOM;

    g.setColor(Color.BLACK);
    g.setFont(g.getFont().deriveFont(Font.BOLD, 14f));
    g.drawString(title, LEFT, 20);
    g.setFont(g.getFont().deriveFont(Font.PLAIN, 12f));

    int firstIt = samples.isEmpty() ? 0 : samples.get(0).iteration();
    int lastIt = samples.isEmpty() ? 1 : Math.max(samples.get(samples.size() - 1).iteration(),
        firstIt + 1);
    double maxMib = Math.max(1, max(samples, true) / 1048576.0) * 1.1;
    // Round the count axis up to a multiple of 5 so its five grid labels are whole numbers.
    double maxCount = Math.ceil(Math.max(1, max(samples, false)) * 1.1 / 5.0) * 5;

    // Grid and axis labels: five divisions on both y axes share the same grid lines.
    for (int i = 0; i <= 5; i++) {
      int y = TOP + plotH - i * plotH / 5;
      g.setColor(new Color(0xE0E0E0));
      g.drawLine(LEFT, y, LEFT + plotW, y);
      g.setColor(Color.DARK_GRAY);
      String left = String.format("%.1f", maxMib * i / 5);
      g.drawString(left, LEFT - 6 - fm.stringWidth(left), y + 4);
      g.drawString(String.format("%.0f", maxCount * i / 5), LEFT + plotW + 6, y + 4);
    }
    // Whole iterations only, at most about six ticks.
    int step = Math.max(1, (int) Math.ceil((lastIt - firstIt) / 5.0));
    for (int it = firstIt; it <= lastIt; it += step) {
      int x = LEFT + (int) Math.round((it - firstIt) * (double) plotW / (lastIt - firstIt));
      String label = Integer.toString(it);
      g.drawString(label, x - fm.stringWidth(label) / 2, TOP + plotH + 16);
    }
    g.setColor(Color.BLACK);
    g.drawRect(LEFT, TOP, plotW, plotH);
    g.drawString("iteration", LEFT + plotW / 2 - fm.stringWidth("iteration") / 2, h - 12);
    drawVertical(g, "MiB", 18, TOP + plotH / 2);
    drawVertical(g, "count", w - 12, TOP + plotH / 2);

    int legendX = LEFT;
    g.setStroke(new BasicStroke(2f));
    for (Line line : LINES) {
      g.setColor(line.color());
      g.drawLine(legendX, 40, legendX + 18, 40);
      g.setColor(Color.BLACK);
      g.drawString(line.name(), legendX + 22, 44);
      legendX += 22 + fm.stringWidth(line.name()) + 16;
      plot(g, samples, line, firstIt, lastIt, line.bytes() ? maxMib * 1048576.0 : maxCount,
          plotW, plotH);
    }
  }

  private static void plot(Graphics2D g, List<MemorySample> samples, Line line, int firstIt,
      int lastIt, double max, int plotW, int plotH) {
    g.setColor(line.color());
    int px = -1;
    int py = -1;
    for (MemorySample s : samples) {
      long v = line.value().applyAsLong(s);
      if (v < 0) {
        px = -1;
        continue;
      }
      int x = LEFT + (int) Math.round((s.iteration() - firstIt) * (double) plotW / (lastIt - firstIt));
      int y = TOP + plotH - (int) Math.round(v / max * plotH);
      if (px >= 0) {
        g.drawLine(px, py, x, y);
      } else {
        g.fillOval(x - 2, y - 2, 4, 4);
      }
      px = x;
      py = y;
    }
  }

  private static long max(List<MemorySample> samples, boolean bytes) {
    long max = 0;
    for (MemorySample s : samples) {
      for (Line line : LINES) {
        if (line.bytes() == bytes) {
          max = Math.max(max, line.value().applyAsLong(s));
        }
      }
    }
    return max;
  }

  private static void drawVertical(Graphics2D g, String text, int x, int y) {
    Graphics2D r = (Graphics2D) g.create();
    r.rotate(-Math.PI / 2, x, y);
    r.drawString(text, x - r.getFontMetrics().stringWidth(text) / 2, y);
    r.dispose();
  }
}
