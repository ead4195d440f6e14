package dev.stormproof.device.virtual.arena;

import dev.stormproof.device.Size;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Screen backgrounds (gradient, soft light blobs, seeded per-pixel noise) and the moving
 * particles over them. A background is built once per (size, screen) and kept in a small LRU:
 * building one costs tens of milliseconds, blitting it about one.
 */
final class ArenaBackdrop {
  /** At most this many backgrounds are kept: 6 x 1440x3200 x 4 bytes is about 110 MB at worst. */
  private static final int CACHE_ENTRIES = 6;
  private static final int PARTICLES = 26;

  private record Key(Size size, ArenaScreen screen) {}

  private final long seed;
  private final Map<Key, BufferedImage> cache = new LinkedHashMap<>(8, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, BufferedImage> eldest) {
      return size() > CACHE_ENTRIES; // hand-written LRU: six entries under the game's lock
    }
  };

  ArenaBackdrop(long seed) {
    this.seed = seed;
  }

  void draw(Graphics2D g, ArenaLayout layout, ArenaScreen screen) {
    BufferedImage bg = cache.computeIfAbsent(new Key(layout.size, screen), k -> build(layout, screen));
    g.drawImage(bg, 0, 0, null);
  }

  /** Sparks drifting upwards; positions are a pure function of the seed, screen and time. */
  void particles(Graphics2D g, ArenaLayout layout, ArenaScreen screen, long now) {
    if (screen == ArenaScreen.LAUNCHER) {
      return;
    }
    Color c = theme(screen)[2];
    int w = layout.size.width();
    int h = layout.size.height();
    for (int i = 0; i < PARTICLES; i++) {
      double fx = Seeds.unit(seed, Seeds.PARTICLE, i * 4L);
      double fy = Seeds.unit(seed, Seeds.PARTICLE, i * 4L + 1);
      double speed = 0.02 + 0.05 * Seeds.unit(seed, Seeds.PARTICLE, i * 4L + 2);
      double r = layout.u * (4 + 8 * Seeds.unit(seed, Seeds.PARTICLE, i * 4L + 3));
      double t = now / 1000.0;
      double y = frac(fy - speed * t) * (h + 4 * r) - 2 * r;
      double x = (fx + 0.015 * Math.sin(t * 1.7 + i)) * w;
      g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 50));
      g.fill(new Ellipse2D.Double(x - 2 * r, y - 2 * r, 4 * r, 4 * r));
      g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 170));
      g.fill(new Ellipse2D.Double(x - r * 0.7, y - r * 0.7, r * 1.4, r * 1.4));
    }
  }

  private static double frac(double v) {
    return v - Math.floor(v);
  }

  /** Gradient top, gradient bottom, accent. */
  private static Color[] theme(ArenaScreen screen) {
    return switch (screen) {
      case LAUNCHER -> new Color[] {new Color(38, 70, 140), new Color(120, 60, 150), new Color(255, 255, 255)};
      case TITLE -> new Color[] {new Color(40, 16, 80), new Color(200, 70, 40), new Color(255, 210, 120)};
      case LOADING -> new Color[] {new Color(8, 12, 34), new Color(24, 30, 70), new Color(120, 170, 255)};
      case LOBBY -> new Color[] {new Color(12, 60, 90), new Color(20, 120, 120), new Color(170, 255, 230)};
      case BATTLE -> new Color[] {new Color(50, 14, 20), new Color(110, 60, 30), new Color(255, 140, 60)};
      case SHOP -> new Color[] {new Color(70, 40, 24), new Color(130, 84, 40), new Color(255, 220, 150)};
      case REWARD -> throw new IllegalArgumentException("the reward pop-up has no background of its own");
    };
  }

  private BufferedImage build(ArenaLayout layout, ArenaScreen screen) {
    int w = layout.size.width();
    int h = layout.size.height();
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      ArenaPaint.hints(g);
      Color[] t = theme(screen);
      g.setPaint(new GradientPaint(0, 0, t[0], 0, h, t[1]));
      g.fillRect(0, 0, w, h);
      long salt = screen.ordinal() * 100L;
      for (int i = 0; i < 5; i++) {
        double cx = Seeds.unit(seed, Seeds.BACKGROUND, salt + i * 3L) * w;
        double cy = Seeds.unit(seed, Seeds.BACKGROUND, salt + i * 3L + 1) * h;
        float r = (float) (layout.u * (250 + 350 * Seeds.unit(seed, Seeds.BACKGROUND, salt + i * 3L + 2)));
        Color a = t[2];
        g.setPaint(new RadialGradientPaint((float) cx, (float) cy, r, new float[] {0f, 1f},
            new Color[] {new Color(a.getRed(), a.getGreen(), a.getBlue(), 60), new Color(a.getRed(), a.getGreen(), a.getBlue(), 0)},
            MultipleGradientPaint.CycleMethod.NO_CYCLE));
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
      }
      if (screen == ArenaScreen.BATTLE) {
        floor(g, layout, t[2]);
      }
    } finally {
      g.dispose();
    }
    if (screen != ArenaScreen.LAUNCHER) {
      noise(img, screen.ordinal());
    }
    return img;
  }

  /** A perspective arena floor: converging lines from a horizon two fifths down. */
  private static void floor(Graphics2D g, ArenaLayout layout, Color accent) {
    int w = layout.size.width();
    int h = layout.size.height();
    double horizon = h * 0.42;
    g.setPaint(new GradientPaint(0, (float) horizon, new Color(60, 30, 20), 0, h, new Color(30, 14, 10)));
    g.fillRect(0, (int) horizon, w, h - (int) horizon);
    g.setStroke(new BasicStroke((float) (3 * layout.u)));
    g.setColor(new Color(accent.getRed(), accent.getGreen(), accent.getBlue(), 40));
    for (int i = -8; i <= 8; i++) {
      g.draw(new Line2D.Double(w / 2.0 + i * w * 0.04, horizon, w / 2.0 + i * w * 0.3, h));
    }
    for (int i = 1; i <= 8; i++) {
      double y = horizon + (h - horizon) * Math.pow(i / 8.0, 1.8);
      g.draw(new Line2D.Double(0, y, w, y));
    }
  }

  /** +-7 levels of grey noise per pixel, hashed from the seed and the pixel position. */
  private void noise(BufferedImage img, int salt) {
    int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    int w = img.getWidth();
    int s = (int) Seeds.mix(seed, Seeds.BACKGROUND, salt);
    for (int i = 0; i < px.length; i++) {
      int x = i % w;
      int y = i / w;
      int hsh = x * 374761393 + y * 668265263 + s;
      hsh = (hsh ^ (hsh >>> 13)) * 1274126177;
      int d = ((hsh >>> 24) % 15) - 7;
      int p = px[i];
      int r = clamp(((p >> 16) & 0xff) + d);
      int gr = clamp(((p >> 8) & 0xff) + d);
      int b = clamp((p & 0xff) + d);
      px[i] = (r << 16) | (gr << 8) | b;
    }
  }

  private static int clamp(int v) {
    return v < 0 ? 0 : Math.min(255, v);
  }
}
