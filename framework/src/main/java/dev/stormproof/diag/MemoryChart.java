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

  /**
   * One line of a chart.
   *
   * @param name the legend text
   * @param bytes true for bytes (left axis, MiB), false for counts (right axis)
   * @param values one value per iteration of the chart, below 0 where unavailable (a gap)
   */
  public record Line(String name, boolean bytes, long[] values) {
    /**
     * Copies the values.
     *
     * @param name the legend text
     * @param bytes true for bytes, false for counts
     * @param values one value per iteration
     */
    public Line {
      values = values.clone();
    }
  }

  private static final Color[] PALETTE = {new Color(0xD62728), new Color(0x1F77B4),
      new Color(0x7F7F7F), new Color(0x2CA02C), new Color(0x9467BD), new Color(0xFF7F0E),
      new Color(0x8C564B), new Color(0xE377C2), new Color(0x17BECF), new Color(0xBCBD22)};

  private record Series(String name, boolean bytes, ToLongFunction<MemorySample> value) {}

  private static final List<Series> SERIES = List.of(
      new Series("native in use (MiB)", true, MemorySample::nativeBytes),
      new Series("heap used (MiB)", true, MemorySample::heapUsed),
      new Series("RSS (MiB)", true, MemorySample::rssBytes),
      new Series("javacpp pointers", false, MemorySample::javacppCount),
      new Series("threads", false, MemorySample::threads));

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
    List<MemorySample> samples = series.samples();
    int[] iterations = samples.stream().mapToInt(MemorySample::iteration).toArray();
    List<Line> lines = new java.util.ArrayList<>();
    for (Series s : SERIES) {
      lines.add(new Line(s.name(), s.bytes(), samples.stream().mapToLong(s.value()).toArray()));
    }
    return png(title, iterations, lines, width, height);
  }

  /**
   * PNG bytes of a chart of any per-iteration series (the app guard's counters, for example).
   *
   * @param title the chart's title
   * @param iterations the iteration number of each point, ascending
   * @param lines the lines, each with one value per iteration (colours follow their order)
   * @param width image width in pixels
   * @param height image height in pixels
   * @return the PNG
   * @throws IllegalArgumentException when a line has not one value per iteration
   */
  public static byte[] png(String title, int[] iterations, List<Line> lines, int width,
      int height) {
    for (Line l : lines) {
      if (l.values().length != iterations.length) {
        throw new IllegalArgumentException("chart line '" + l.name() + "' has "
            + l.values().length + " values for " + iterations.length
            + " iterations; pass one value per iteration (below 0 where unavailable)");
      }
    }
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      draw(g, iterations, lines, title, width, height);
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

  private static void draw(Graphics2D g, int[] its, List<Line> lines, String title, int w,
      int h) {
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

    int firstIt = its.length == 0 ? 0 : its[0];
    int lastIt = its.length == 0 ? 1 : Math.max(its[its.length - 1], firstIt + 1);
    double maxMib = Math.max(1, max(lines, true) / 1048576.0) * 1.1;
    // Round the count axis up to a multiple of 5 so its five grid labels are whole numbers.
    double maxCount = Math.ceil(Math.max(1, max(lines, false)) * 1.1 / 5.0) * 5;

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
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      g.setColor(PALETTE[i % PALETTE.length]);
      g.drawLine(legendX, 40, legendX + 18, 40);
      g.setColor(Color.BLACK);
      g.drawString(line.name(), legendX + 22, 44);
      legendX += 22 + fm.stringWidth(line.name()) + 16;
      g.setColor(PALETTE[i % PALETTE.length]);
      plot(g, its, line, firstIt, lastIt, line.bytes() ? maxMib * 1048576.0 : maxCount,
          plotW, plotH);
    }
  }

  private static void plot(Graphics2D g, int[] its, Line line, int firstIt, int lastIt,
      double max, int plotW, int plotH) {
    int px = -1;
    int py = -1;
    for (int i = 0; i < its.length; i++) {
      long v = line.values()[i];
      if (v < 0) {
        px = -1;
        continue;
      }
      int x = LEFT + (int) Math.round((its[i] - firstIt) * (double) plotW / (lastIt - firstIt));
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

  private static long max(List<Line> lines, boolean bytes) {
    long max = 0;
    for (Line line : lines) {
      if (line.bytes() == bytes) {
        for (long v : line.values()) {
          max = Math.max(max, v);
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
