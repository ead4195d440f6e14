package dev.stormproof.device.virtual.arena;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;

/**
 * Drawing primitives shared by the screens: buttons, chips, coins, text. Every paint is defined
 * relative to the shape it fills, so an element's pixels do not depend on where it is drawn.
 */
final class ArenaPaint {
  private ArenaPaint() {}

  /** Fixed hints: the same rasterisation everywhere, whatever the platform's defaults. */
  static void hints(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
    g.setRenderingHint(RenderingHints.KEY_ALPHA_INTERPOLATION, RenderingHints.VALUE_ALPHA_INTERPOLATION_QUALITY);
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setRenderingHint(RenderingHints.KEY_DITHERING, RenderingHints.VALUE_DITHER_DISABLE);
  }

  /** Top, bottom and border colour of a button style. */
  record Palette(Color top, Color bottom, Color border) {}

  static Palette palette(String style) {
    return switch (style) {
      case "orange" -> new Palette(new Color(255, 196, 72), new Color(232, 104, 16), new Color(120, 50, 8));
      case "red" -> new Palette(new Color(246, 96, 84), new Color(178, 26, 30), new Color(96, 12, 14));
      case "green" -> new Palette(new Color(112, 222, 96), new Color(28, 142, 52), new Color(12, 74, 26));
      case "blue" -> new Palette(new Color(104, 172, 255), new Color(28, 82, 206), new Color(14, 38, 106));
      case "grey" -> new Palette(new Color(184, 192, 208), new Color(98, 108, 130), new Color(44, 50, 66));
      default -> new Palette(new Color(255, 226, 110), new Color(214, 150, 20), new Color(110, 70, 6));
    };
  }

  static RoundRectangle2D round(double x, double y, double w, double h, double arc) {
    return new RoundRectangle2D.Double(x, y, w, h, arc, arc);
  }

  /** A game button filling {@code b} exactly: dark lip, gradient face, gloss, outlined label. */
  static void button(Graphics2D g, ArenaFont font, Bounds b, String style, String text) {
    Palette p = palette(style);
    double h = b.height();
    double arc = h * 0.55;
    double inset = h * 0.03;
    double lip = h * 0.08;
    g.setColor(p.border());
    g.fill(round(b.x(), b.y(), b.width(), b.height(), arc));
    double fx = b.x() + inset;
    double fy = b.y() + inset;
    double fw = b.width() - 2 * inset;
    double fh = h - 2 * inset - lip;
    g.setPaint(new GradientPaint((float) fx, (float) fy, p.top(), (float) fx, (float) (fy + fh), p.bottom()));
    g.fill(round(fx, fy, fw, fh, arc * 0.9));
    g.setPaint(new GradientPaint((float) fx, (float) fy, new Color(255, 255, 255, 110),
        (float) fx, (float) (fy + fh * 0.5), new Color(255, 255, 255, 10)));
    g.fill(round(fx + fh * 0.12, fy + fh * 0.06, fw - fh * 0.24, fh * 0.42, arc * 0.6));
    float size = font.fit(text, (float) (h * 0.36), fw - h * 0.5);
    label(g, font, text, size, fx + fw / 2, fy + fh / 2, Color.WHITE, p.border());
  }

  /** Outlined text with a soft drop shadow, centred on (cx, cy). */
  static void label(Graphics2D g, ArenaFont font, String text, float size, double cx, double cy,
      java.awt.Paint fill, Color outline) {
    label(g, font, ArenaFont.Face.SANS, text, size, cx, cy, fill, outline);
  }

  /** {@link #label(Graphics2D, ArenaFont, String, float, double, double, java.awt.Paint, Color)} in {@code face}. */
  static void label(Graphics2D g, ArenaFont font, ArenaFont.Face face, String text, float size, double cx, double cy,
      java.awt.Paint fill, Color outline) {
    Shape shadow = font.centred(face, text, size, cx, cy + size * 0.07);
    g.setColor(new Color(0, 0, 0, 90));
    g.fill(shadow);
    Shape s = font.centred(face, text, size, cx, cy);
    g.setStroke(new BasicStroke(size * 0.12f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.setColor(outline);
    g.draw(s);
    g.setPaint(fill);
    g.fill(s);
  }

  /** A pulsing glow ring entirely outside {@code b}, so template crops of {@code b} stay exact. */
  static void glow(Graphics2D g, Bounds b, Color colour, double u, long now) {
    double phase = Math.sin(2 * Math.PI * Math.floorMod(now, 1600L) / 1600.0);
    int alpha = (int) Math.round(70 + 50 * phase);
    double grow = 10 * u;
    g.setStroke(new BasicStroke((float) (6 * u)));
    g.setColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), alpha));
    g.draw(round(b.x() - grow, b.y() - grow, b.width() + 2 * grow, b.height() + 2 * grow, b.height() * 0.55 + 2 * grow));
  }

  /** A gold coin of diameter {@code d} with its top-left at (x, y). */
  static void coin(Graphics2D g, double x, double y, double d) {
    g.setPaint(new RadialGradientPaint((float) (x + d * 0.35), (float) (y + d * 0.3), (float) (d * 0.75),
        new float[] {0f, 0.6f, 1f},
        new Color[] {new Color(255, 244, 160), new Color(244, 188, 40), new Color(168, 108, 8)}));
    g.fill(new Ellipse2D.Double(x, y, d, d));
    g.setStroke(new BasicStroke((float) (d * 0.07)));
    g.setColor(new Color(140, 86, 6));
    g.draw(new Ellipse2D.Double(x + d * 0.04, y + d * 0.04, d * 0.92, d * 0.92));
    g.setColor(new Color(255, 236, 140, 200));
    g.draw(new Ellipse2D.Double(x + d * 0.2, y + d * 0.2, d * 0.6, d * 0.6));
  }

  /** A dark translucent rounded chip behind a counter. */
  static void chip(Graphics2D g, Bounds b) {
    g.setPaint(new GradientPaint(b.x(), b.y(), new Color(10, 14, 40, 200), b.x(), b.bottom(), new Color(30, 20, 60, 200)));
    g.fill(round(b.x(), b.y(), b.width(), b.height(), b.height()));
    g.setStroke(new BasicStroke(b.height() * 0.04f));
    g.setColor(new Color(255, 255, 255, 70));
    g.draw(round(b.x() + 1, b.y() + 1, b.width() - 2, b.height() - 2, b.height()));
  }

  /** A round red close button with a white X filling {@code b}. */
  static void close(Graphics2D g, Bounds b) {
    Palette p = palette("red");
    double d = Math.min(b.width(), b.height());
    g.setColor(p.border());
    g.fill(new Ellipse2D.Double(b.x(), b.y(), d, d));
    double i = d * 0.06;
    g.setPaint(new GradientPaint(b.x(), b.y(), p.top(), b.x(), b.bottom(), p.bottom()));
    g.fill(new Ellipse2D.Double(b.x() + i, b.y() + i, d - 2 * i, d - 2 * i));
    g.setStroke(new BasicStroke((float) (d * 0.12), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.setColor(Color.WHITE);
    double a = d * 0.32;
    double b2 = d * 0.68;
    g.draw(new java.awt.geom.Line2D.Double(b.x() + a, b.y() + a, b.x() + b2, b.y() + b2));
    g.draw(new java.awt.geom.Line2D.Double(b.x() + b2, b.y() + a, b.x() + a, b.y() + b2));
  }

  static Color hsb(float h, float s, float b) {
    return Color.getHSBColor(h, s, b);
  }
}
