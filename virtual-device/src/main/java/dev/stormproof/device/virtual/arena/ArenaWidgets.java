package dev.stormproof.device.virtual.arena;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/**
 * The larger composite pieces of the screens: shop rows, the loading screen, the name field, the
 * reward panel and the scrim under pop-ups. Used under the game's lock, like the renderer.
 */
final class ArenaWidgets {
  private final ArenaFont font;
  private BufferedImage scrimStrip;
  private BufferedImage blurSmall;

  ArenaWidgets(ArenaFont font) {
    this.font = font;
  }

  void shopRows(Graphics2D g, ArenaLayout layout, ArenaState s) {
    Bounds view = layout.shopViewport();
    var clip = g.getClip();
    g.clipRect(view.x(), view.y(), view.width(), view.height());
    try {
      for (int i = 0; i < ArenaState.ITEMS.size(); i++) {
        Bounds card = layout.shopCard(s, i);
        if (card.bottom() < view.y() || card.y() > view.bottom()) {
          continue;
        }
        ArenaState.Item item = ArenaState.ITEMS.get(i);
        double r = card.height() * 0.18;
        g.setColor(new Color(30, 14, 4, 140));
        g.fill(ArenaPaint.round(card.x() + 6 * layout.u, card.y() + 8 * layout.u, card.width(), card.height(), r));
        g.setPaint(new GradientPaint(0, card.y(), new Color(250, 232, 196), 0, card.bottom(), new Color(214, 178, 122)));
        g.fill(ArenaPaint.round(card.x(), card.y(), card.width(), card.height(), r));
        g.setStroke(new BasicStroke((float) (4 * layout.u)));
        g.setColor(new Color(120, 76, 30));
        g.draw(ArenaPaint.round(card.x(), card.y(), card.width(), card.height(), r));
        ArenaSprites.item(g, layout.shopIcon(card), item.hue());
        Bounds nb = layout.shopName(card);
        var nameShape = font.outline(item.name(), (float) (nb.height() * 0.62));
        var nbb = nameShape.getBounds2D();
        g.setColor(new Color(70, 36, 10));
        g.fill(java.awt.geom.AffineTransform.getTranslateInstance(nb.x() - nbb.getX(), nb.y() + nb.height() / 2.0 - nbb.getCenterY())
            .createTransformedShape(nameShape));
        Bounds pb = layout.shopPrice(card);
        double d = pb.height() * 0.8;
        ArenaPaint.coin(g, pb.x(), pb.y() + pb.height() * 0.1, d);
        var priceShape = font.outline(Integer.toString(item.price()), (float) (pb.height() * 0.6));
        var pbb = priceShape.getBounds2D();
        g.setColor(new Color(150, 90, 10));
        g.fill(java.awt.geom.AffineTransform.getTranslateInstance(pb.x() + d * 1.25 - pbb.getX(), pb.y() + pb.height() / 2.0 - pbb.getCenterY())
            .createTransformedShape(priceShape));
        ArenaPaint.button(g, font, layout.shopBuy(card), ArenaLayout.buyStyle(s, i), "BUY");
      }
    } finally {
      g.setClip(clip);
    }
  }

  void loading(Graphics2D g, ArenaLayout layout, Bounds bar, ArenaState s, long now) {
    double u = layout.u;
    double cx = layout.size.width() / 2.0;
    double span = Math.max(1, s.loadingEnd - s.loadingStart);
    double progress = Math.max(0, Math.min(1, (now - s.loadingStart) / span));
    ArenaPaint.label(g, font, "LOADING", (float) (70 * u), cx, bar.y() - 110 * u, Color.WHITE, new Color(10, 20, 60));
    g.setColor(new Color(255, 255, 255, 40));
    g.fill(ArenaPaint.round(bar.x(), bar.y(), bar.width(), bar.height(), bar.height()));
    double i = bar.height() * 0.14;
    g.setPaint(new GradientPaint(bar.x(), 0, new Color(90, 200, 255), bar.right(), 0, new Color(160, 90, 255)));
    g.fill(ArenaPaint.round(bar.x() + i, bar.y() + i, Math.max(bar.height() - 2 * i, (bar.width() - 2 * i) * progress),
        bar.height() - 2 * i, bar.height()));
    double sy = bar.y() - 300 * u;
    for (int k = 0; k < 8; k++) {
      double a = 2 * Math.PI * k / 8 + now / 160.0;
      double r = 70 * u;
      // floorMod on longs: the device clock is epoch milliseconds, far beyond int.
      int alpha = 60 + 24 * (int) Math.floorMod(k + now / 90, 8L);
      g.setColor(new Color(140, 190, 255, Math.min(255, alpha)));
      double d = 22 * u;
      g.fill(new Ellipse2D.Double(cx + r * Math.cos(a) - d / 2, sy + r * Math.sin(a) - d / 2, d, d));
    }
    ArenaPaint.label(g, font, "TIP: COLLECT REWARDS TO BUY GEAR", (float) (34 * u), cx, bar.bottom() + 90 * u,
        new Color(200, 215, 255), new Color(10, 20, 60));
  }

  void nameField(Graphics2D g, Bounds b, String text, long now) {
    double r = b.height() * 0.4;
    g.setColor(new Color(20, 10, 30, 160));
    g.fill(ArenaPaint.round(b.x(), b.y(), b.width(), b.height(), r));
    g.setPaint(new GradientPaint(0, b.y(), new Color(255, 250, 240), 0, b.bottom(), new Color(226, 218, 236)));
    double i = b.height() * 0.06;
    g.fill(ArenaPaint.round(b.x() + i, b.y() + i, b.width() - 2 * i, b.height() - 2 * i, r));
    boolean empty = text.isEmpty();
    String shown = empty ? "TYPE YOUR NAME" : text;
    float size = font.fit(shown, (float) (b.height() * 0.4), b.width() - b.height());
    var shape = font.outline(shown, size);
    var sb = shape.getBounds2D();
    double x = b.x() + b.height() * 0.4;
    double baseline = b.y() + b.height() / 2.0 + size * 0.36;
    g.setColor(empty ? new Color(150, 140, 165) : new Color(40, 24, 60));
    g.fill(java.awt.geom.AffineTransform.getTranslateInstance(x, baseline).createTransformedShape(shape));
    if (Math.floorMod(now, 1000L) < 500) {
      double cxr = empty ? x - size * 0.15 : x + sb.getMaxX() + size * 0.1;
      g.setStroke(new BasicStroke(size * 0.08f));
      g.setColor(new Color(90, 60, 200));
      g.draw(new Line2D.Double(cxr, b.y() + b.height() * 0.22, cxr, b.bottom() - b.height() * 0.22));
    }
  }

  void rewardPanel(Graphics2D g, Bounds b, long now) {
    double r = b.width() * 0.08;
    g.setColor(new Color(0, 0, 0, 120));
    g.fill(ArenaPaint.round(b.x() + b.width() * 0.015, b.y() + b.width() * 0.02, b.width(), b.height(), r));
    g.setPaint(new GradientPaint(0, b.y(), new Color(90, 40, 150), 0, b.bottom(), new Color(34, 14, 70)));
    g.fill(ArenaPaint.round(b.x(), b.y(), b.width(), b.height(), r));
    g.setStroke(new BasicStroke((float) (b.width() * 0.012)));
    g.setColor(new Color(250, 200, 70));
    g.draw(ArenaPaint.round(b.x() + 3, b.y() + 3, b.width() - 6, b.height() - 6, r));
    // slowly turning light rays behind the reward, kept clear of the buttons
    double cx = b.x() + b.width() / 2.0;
    double cy = b.y() + b.height() * 0.5;
    double rad = b.height() * 0.2;
    var clip = g.getClip();
    g.clip(new Ellipse2D.Double(cx - rad * 1.6, cy - rad, rad * 3.2, rad * 2));
    double turn = Math.floorMod(now, 8000L) / 8000.0 * 2 * Math.PI;
    Path2D rays = new Path2D.Double();
    for (int k = 0; k < 12; k++) {
      double a = turn + k * Math.PI / 6;
      rays.moveTo(cx, cy);
      rays.lineTo(cx + 2 * rad * Math.cos(a - 0.12), cy + 2 * rad * Math.sin(a - 0.12));
      rays.lineTo(cx + 2 * rad * Math.cos(a + 0.12), cy + 2 * rad * Math.sin(a + 0.12));
      rays.closePath();
    }
    g.setPaint(new RadialGradientPaint((float) cx, (float) cy, (float) (rad * 1.6), new float[] {0f, 1f},
        new Color[] {new Color(255, 230, 140, 120), new Color(255, 230, 140, 0)}));
    g.fill(rays);
    g.setClip(clip);
  }

  /**
   * Dims and hatches the screen under a pop-up, so its buttons no longer look like buttons to a
   * matcher. The hatch repeats every {@code period} rows, so one strip is drawn once per width and
   * blitted down the screen: stroking the stripes cost 15-25 ms a frame, a TexturePaint about 15.
   */
  void scrim(Graphics2D g, ArenaLayout layout) {
    int period = Math.max(4, (int) Math.round(34 * layout.u));
    int w = layout.size.width();
    if (scrimStrip == null || scrimStrip.getWidth() != w || scrimStrip.getHeight() != period) {
      scrimStrip = new BufferedImage(w, period, BufferedImage.TYPE_INT_ARGB_PRE);
      Graphics2D t = scrimStrip.createGraphics();
      try {
        ArenaPaint.hints(t);
        t.setComposite(java.awt.AlphaComposite.Src);
        t.setColor(new Color(6, 4, 16, 170));
        t.fillRect(0, 0, w, period);
        t.setComposite(java.awt.AlphaComposite.SrcOver);
        t.setStroke(new BasicStroke((float) (10 * layout.u)));
        t.setColor(new Color(120, 110, 160, 40));
        for (int x = -period; x < w + period; x += period) { // 45 degrees: each row of strips continues the one above
          t.draw(new Line2D.Double(x, 0, x + period, period));
        }
      } finally {
        t.dispose();
      }
    }
    for (int y = 0; y < layout.size.height(); y += period) {
      g.drawImage(scrimStrip, 0, y, null);
    }
  }

  /**
   * Blurs what {@code target} shows by shrinking it {@value #BLUR_FACTOR} times and stretching it
   * back: covered buttons must not match their templates (dimming alone kept a correlation of
   * 0.95, as normalised matching ignores brightness). Runs once per pop-up.
   */
  void blur(BufferedImage target, Graphics2D g) {
    int w = Math.max(1, target.getWidth() / BLUR_FACTOR);
    int h = Math.max(1, target.getHeight() / BLUR_FACTOR);
    if (blurSmall == null || blurSmall.getWidth() != w || blurSmall.getHeight() != h) {
      blurSmall = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    }
    // halving first averages neighbours, so the second step samples a smoothed image, not single pixels
    BufferedImage half = new BufferedImage(Math.max(1, target.getWidth() / 2), Math.max(1, target.getHeight() / 2),
        BufferedImage.TYPE_INT_RGB);
    Graphics2D hg = half.createGraphics();
    Graphics2D small = blurSmall.createGraphics();
    try {
      hg.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      hg.drawImage(target, 0, 0, half.getWidth(), half.getHeight(), null);
      small.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      small.drawImage(half, 0, 0, w, h, null);
    } finally {
      hg.dispose();
      small.dispose();
    }
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(blurSmall, 0, 0, target.getWidth(), target.getHeight(), null);
  }

  static final int BLUR_FACTOR = 16;
}
