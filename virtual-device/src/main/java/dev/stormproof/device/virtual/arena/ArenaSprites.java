package dev.stormproof.device.virtual.arena;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;

/**
 * The game's pictures, each drawn in a unit box (0..1 both ways) scaled to its bounds, so a
 * sprite is the same picture at every screen size.
 */
final class ArenaSprites {
  private ArenaSprites() {}

  /** Runs {@code body} with the unit box mapped onto {@code b}. */
  static void inBox(Graphics2D g, Bounds b, Runnable body) {
    var saved = g.getTransform();
    g.translate(b.x(), b.y());
    g.scale(b.width(), b.height());
    try {
      body.run();
    } finally {
      g.setTransform(saved);
    }
  }

  /** A horned slime; {@code hue} varies per battle, {@code hit} flashes it white. */
  static void enemy(Graphics2D g, Bounds b, float hue, boolean hit, long now) {
    inBox(g, b, () -> {
      Color light = Color.getHSBColor(hue, 0.55f, 1f);
      Color dark = Color.getHSBColor(hue, 0.9f, 0.45f);
      Path2D horn = new Path2D.Double();
      horn.moveTo(0.28, 0.32);
      horn.lineTo(0.18, 0.02);
      horn.lineTo(0.40, 0.26);
      horn.moveTo(0.72, 0.32);
      horn.lineTo(0.82, 0.02);
      horn.lineTo(0.60, 0.26);
      g.setPaint(new GradientPaint(0f, 0f, new Color(250, 240, 220), 0f, 0.3f, new Color(170, 150, 120)));
      g.fill(horn);
      Path2D body = new Path2D.Double();
      body.moveTo(0.05, 0.95);
      body.curveTo(0.0, 0.45, 0.2, 0.2, 0.5, 0.2);
      body.curveTo(0.8, 0.2, 1.0, 0.45, 0.95, 0.95);
      body.curveTo(0.8, 1.0, 0.2, 1.0, 0.05, 0.95);
      g.setPaint(new RadialGradientPaint(0.38f, 0.38f, 0.75f, new float[] {0f, 1f}, new Color[] {light, dark}));
      g.fill(body);
      g.setStroke(new BasicStroke(0.015f));
      g.setColor(dark.darker());
      g.draw(body);
      for (double ex : new double[] {0.35, 0.65}) {
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(ex - 0.09, 0.42, 0.18, 0.2));
        g.setColor(new Color(20, 10, 30));
        g.fill(new Ellipse2D.Double(ex - 0.045, 0.48, 0.09, 0.11));
      }
      g.setStroke(new BasicStroke(0.025f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.setColor(new Color(40, 10, 20));
      g.draw(new Arc2D.Double(0.36, 0.62, 0.28, 0.16, 200, 140, Arc2D.OPEN));
      g.setColor(new Color(255, 255, 255, 90));
      g.fill(new Ellipse2D.Double(0.2, 0.3, 0.14, 0.08));
      if (hit) {
        g.setColor(new Color(255, 255, 255, 150));
        g.fill(body);
        g.setStroke(new BasicStroke(0.04f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(255, 250, 200));
        g.draw(new java.awt.geom.Line2D.Double(0.1, 0.25, 0.9, 0.9));
      }
    });
  }

  /** The lobby's crest: a gold shield with crossed swords. */
  static void emblem(Graphics2D g, Bounds b) {
    inBox(g, b, () -> {
      g.setStroke(new BasicStroke(0.05f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      for (int side = -1; side <= 1; side += 2) {
        g.setColor(new Color(200, 210, 225));
        g.draw(new java.awt.geom.Line2D.Double(0.5 - side * 0.42, 0.08, 0.5 + side * 0.38, 0.9));
        g.setColor(new Color(120, 70, 30));
        g.draw(new java.awt.geom.Line2D.Double(0.5 + side * 0.3, 0.78, 0.5 + side * 0.42, 0.94));
      }
      Path2D shield = new Path2D.Double();
      shield.moveTo(0.5, 0.12);
      shield.curveTo(0.62, 0.2, 0.74, 0.22, 0.82, 0.22);
      shield.curveTo(0.84, 0.55, 0.74, 0.78, 0.5, 0.92);
      shield.curveTo(0.26, 0.78, 0.16, 0.55, 0.18, 0.22);
      shield.curveTo(0.26, 0.22, 0.38, 0.2, 0.5, 0.12);
      g.setPaint(new GradientPaint(0f, 0.12f, new Color(255, 230, 120), 0f, 0.92f, new Color(190, 110, 10)));
      g.fill(shield);
      g.setStroke(new BasicStroke(0.025f));
      g.setColor(new Color(110, 60, 5));
      g.draw(shield);
      Path2D star = new Path2D.Double();
      for (int i = 0; i < 10; i++) {
        double a = -Math.PI / 2 + i * Math.PI / 5;
        double r = i % 2 == 0 ? 0.16 : 0.07;
        double x = 0.5 + r * Math.cos(a);
        double y = 0.48 + r * Math.sin(a);
        if (i == 0) {
          star.moveTo(x, y);
        } else {
          star.lineTo(x, y);
        }
      }
      star.closePath();
      g.setColor(new Color(200, 40, 40));
      g.fill(star);
    });
  }

  /** A gem-like item icon in its hue. */
  static void item(Graphics2D g, Bounds b, float hue) {
    inBox(g, b, () -> {
      g.setPaint(new RadialGradientPaint(0.5f, 0.5f, 0.5f, new float[] {0f, 1f},
          new Color[] {new Color(255, 255, 255, 60), new Color(0, 0, 0, 60)}));
      g.fill(ArenaPaint.round(0, 0, 1, 1, 0.3));
      Path2D gem = new Path2D.Double();
      gem.moveTo(0.5, 0.12);
      gem.lineTo(0.84, 0.4);
      gem.lineTo(0.5, 0.88);
      gem.lineTo(0.16, 0.4);
      gem.closePath();
      g.setPaint(new GradientPaint(0.2f, 0.1f, Color.getHSBColor(hue, 0.35f, 1f), 0.8f, 0.9f, Color.getHSBColor(hue, 0.95f, 0.55f)));
      g.fill(gem);
      g.setStroke(new BasicStroke(0.03f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.setColor(Color.getHSBColor(hue, 0.9f, 0.3f));
      g.draw(gem);
      g.setColor(new Color(255, 255, 255, 120));
      g.fill(new Ellipse2D.Double(0.36, 0.26, 0.12, 0.08));
    });
  }

  /** A launcher icon: a rounded square in its colour with a simple glyph. */
  static void appIcon(Graphics2D g, Bounds b, int index) {
    float[] hues = {0.03f, 0.36f, 0.58f, 0.8f};
    inBox(g, b, () -> {
      float hue = hues[index % hues.length];
      g.setPaint(new GradientPaint(0f, 0f, Color.getHSBColor(hue, 0.5f, 1f), 0f, 1f, Color.getHSBColor(hue, 0.9f, 0.7f)));
      g.fill(ArenaPaint.round(0, 0, 1, 1, 0.45));
      g.setColor(new Color(255, 255, 255, 230));
      g.setStroke(new BasicStroke(0.08f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      switch (index) {
        case 0 -> { // Arena: a sword, point up, with its cross-guard
          g.draw(new java.awt.geom.Line2D.Double(0.5, 0.18, 0.5, 0.8));
          g.draw(new java.awt.geom.Line2D.Double(0.32, 0.64, 0.68, 0.64));
          g.fill(new Ellipse2D.Double(0.44, 0.78, 0.12, 0.12));
        }
        case 1 -> g.draw(new Arc2D.Double(0.25, 0.25, 0.5, 0.5, 200, 230, Arc2D.OPEN));
        case 2 -> g.draw(ArenaPaint.round(0.22, 0.3, 0.56, 0.4, 0.08));
        default -> g.draw(new Ellipse2D.Double(0.32, 0.32, 0.36, 0.36));
      }
    });
  }
}
