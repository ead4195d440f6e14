package dev.stormproof.diag;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

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
   * The panels side by side as SVG: text, so drawing it allocates no native memory (fonts,
   * rasterizers, zlib) inside a measured test, and it stays sharp when zoomed.
   *
   * @param panels at least one
   * @param scale 1 for full size, 0.6 for the small clean-run chart
   * @return UTF-8 SVG bytes
   */
  public static byte[] svg(List<Panel> panels, double scale) {
    int w = (int) Math.round(W * scale) * Math.max(1, panels.size());
    int h = (int) Math.round(H * scale);
    StringBuilder out = new StringBuilder(4096);
    out.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">", w, h, W * Math.max(1, panels.size()), H));
    out.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
    for (int i = 0; i < panels.size(); i++) {
      draw(out, panels.get(i), i * W);
    }
    return out.append("</svg>\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  static String amount(double v, boolean bytes) {
    return bytes ? String.format(Locale.ROOT, "%.1f MiB", v / (1024.0 * 1024.0))
        : v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static void draw(StringBuilder svg, Panel p, int x0) {
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
    java.util.function.DoubleUnaryOperator py = v -> bottom - (v - axisLo) / span * (bottom - top);
    int n = p.values().length;
    java.util.function.IntToDoubleFunction px = i -> n <= 1 ? (left + right) / 2.0 : left + 8 + i * (right - left - 16.0) / (n - 1);
    text(svg, x0 + 10, 18, 13, "bold", "black", p.title());
    for (double t = axisLo; t <= axisHi + step / 2; t += step) {
      double y = py.applyAsDouble(t);
      line(svg, left, y, right, y, "#e6e6e6", 1, null);
      text(svg, x0 + 4, y + 4, 10, "normal", "#444", amount(t, p.bytes()));
    }
    double yb = py.applyAsDouble(p.baseline());
    line(svg, left, yb, right, yb, "#287828", 1.5, null);
    text(svg, left + 4, yb - 3, 10, "normal", "#287828", "baseline " + amount(p.baseline(), p.bytes()));
    double yt = py.applyAsDouble(p.baseline() + p.tolerance());
    line(svg, left, yt, right, yt, "#c87800", 1.5, "5 4");
    text(svg, right - 90, yt - 3, 10, "normal", "#c87800", "tolerance " + amount(p.tolerance(), p.bytes()));
    for (int i = 1; i < n; i++) {
      line(svg, px.applyAsDouble(i - 1), py.applyAsDouble(p.values()[i - 1]), px.applyAsDouble(i), py.applyAsDouble(p.values()[i]),
          "#1e50c8", 2, null);
    }
    for (int i = 0; i < n; i++) {
      boolean leak = p.iterations()[i] == p.leakedAt();
      double cx = px.applyAsDouble(i);
      double cy = py.applyAsDouble(p.values()[i]);
      svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>", cx, cy, leak ? "red" : "#1e50c8"));
      text(svg, cx - 6, bottom + 14, 10, "normal", "#444", "#" + p.iterations()[i]);
      if (leak) {
        text(svg, cx - 30, cy - 8, 10, "bold", "red", "now " + amount(p.values()[i], p.bytes()));
      }
    }
    svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"gray\"/>",
        left, top, right - left, bottom - top));
  }

  private static void line(StringBuilder svg, double x1, double y1, double x2, double y2, String color, double width, String dash) {
    svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"%s/>",
        x1, y1, x2, y2, color, width, dash == null ? "" : " stroke-dasharray=\"" + dash + "\""));
  }

  private static void text(StringBuilder svg, double x, double y, int size, String weight, String color, String text) {
    svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" font-weight=\"%s\" fill=\"%s\">%s</text>",
        x, y, size, weight, color, text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")));
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
