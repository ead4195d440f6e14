package dev.stormproof.device.virtual.arena;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/**
 * Draws a {@link Scene}: background, particles, then every element inside its bounds. Used only
 * under the game's lock (its caches are not thread-safe).
 */
final class ArenaRenderer {
  private final long seed;
  private final ArenaFont font = new ArenaFont();
  private final ArenaBackdrop backdrop;

  ArenaRenderer(long seed) {
    this.seed = seed;
    this.backdrop = new ArenaBackdrop(seed);
  }

  void draw(BufferedImage target, ArenaLayout layout, Scene scene, ArenaState s, long now) {
    Graphics2D g = target.createGraphics();
    try {
      ArenaPaint.hints(g);
      Scene base = s.popup != null ? layout.scene(s, s.screen, now) : scene;
      screen(g, layout, base, s, now);
      if (s.popup != null) {
        scrim(g, layout);
        for (SceneElement e : scene.elements()) {
          element(g, layout, e, s, now);
        }
      }
    } finally {
      g.dispose();
    }
  }

  private void screen(Graphics2D g, ArenaLayout layout, Scene scene, ArenaState s, long now) {
    backdrop.draw(g, layout, scene.screen());
    backdrop.particles(g, layout, scene.screen(), now);
    double u = layout.u;
    int w = layout.size.width();
    switch (scene.screen()) {
      case TITLE -> {
        var logo = scene.get("logo").bounds();
        ArenaPaint.label(g, font, "BATTLE  LOOT  REPEAT", (float) (40 * u), w / 2.0, logo.bottom() + 60 * u,
            new Color(255, 236, 200), new Color(60, 20, 40));
      }
      case LOBBY, SHOP, BATTLE -> {
        g.setPaint(new GradientPaint(0, 0, new Color(0, 0, 0, 150), 0, (float) (170 * u), new Color(0, 0, 0, 0)));
        g.fillRect(0, 0, w, (int) Math.ceil(170 * u));
      }
      case LOADING -> loading(g, layout, scene.get("loading_bar").bounds(), s, now);
      default -> { }
    }
    if (scene.screen() == ArenaScreen.BATTLE) {
      var e = scene.get("enemy").bounds();
      g.setColor(new Color(0, 0, 0, 90));
      double sw = e.width() * 0.8;
      g.fill(new Ellipse2D.Double(e.x() + (e.width() - sw) / 2, e.bottom() - layout.enemyBob(now) + 4 * u, sw, 40 * u));
    }
    if (scene.screen() == ArenaScreen.SHOP) {
      shopRows(g, layout, s);
    }
    for (SceneElement e : scene.elements()) {
      element(g, layout, e, s, now);
    }
  }

  private void element(Graphics2D g, ArenaLayout layout, SceneElement e, ArenaState s, long now) {
    Bounds b = e.bounds();
    double u = layout.u;
    String name = e.name();
    switch (e.kind()) {
      case BUTTON -> {
        if (name.equals("close")) {
          ArenaPaint.close(g, b);
        } else if (name.equals("arena_icon")) {
          appIcon(g, b, 0, e.text(), u);
        } else if (!name.startsWith("buy_")) { // shop rows draw their own buttons
          if (name.equals("play") || name.equals("battle") || name.equals("attack") || name.equals("collect")) {
            ArenaPaint.glow(g, b, ArenaPaint.palette(e.style()).top(), u, now);
          }
          ArenaPaint.button(g, font, b, e.style(), e.text());
        }
      }
      case FIELD -> nameField(g, b, e.text(), now);
      case SPRITE -> {
        switch (name) {
          case "emblem" -> ArenaSprites.emblem(g, b);
          case "enemy" -> ArenaSprites.enemy(g, b, (float) Seeds.unit(seed, Seeds.ENEMY, s.battles),
              now - s.lastHitAt >= 0 && now - s.lastHitAt < 180, now);
          case "app_phone" -> appIcon(g, b, 1, e.text(), u);
          case "app_mail" -> appIcon(g, b, 2, e.text(), u);
          default -> appIcon(g, b, 3, e.text(), u);
        }
      }
      case PANEL -> {
        if (name.equals("reward_panel")) {
          rewardPanel(g, b, now);
        }
      }
      case LABEL -> label(g, layout, e, s);
    }
  }

  private void label(Graphics2D g, ArenaLayout layout, SceneElement e, ArenaState s) {
    if (e.name().startsWith("price_")) {
      return; // the shop rows draw prices
    }
    Bounds b = e.bounds();
    double u = layout.u;
    double cx = b.x() + b.width() / 2.0;
    double cy = b.y() + b.height() / 2.0;
    Color ink = new Color(40, 20, 0);
    GradientPaint gold = new GradientPaint(0, b.y(), new Color(255, 246, 170), 0, b.bottom(), new Color(240, 150, 20));
    switch (e.name()) {
      case "logo" -> {
        float size = font.fit("ARENA", (float) (b.height() * 0.78), b.width() * 0.96);
        g.setColor(new Color(0, 0, 0, 110));
        g.fill(font.centred("ARENA", size, cx + 6 * u, cy + 8 * u));
        ArenaPaint.label(g, font, "ARENA", size, cx, cy, gold, new Color(70, 20, 10));
      }
      case "shop_title", "reward_title" ->
          ArenaPaint.label(g, font, e.text(), font.fit(e.text(), (float) (b.height() * 0.7), b.width()), cx, cy, gold, ink);
      case "coins" -> {
        ArenaPaint.chip(g, b);
        double d = b.height() * 0.72;
        ArenaPaint.coin(g, b.x() + b.height() * 0.14, b.y() + b.height() * 0.14, d);
        float size = font.fit(e.text(), (float) (b.height() * 0.46), b.width() - b.height() * 1.3);
        ArenaPaint.label(g, font, e.text(), size, b.x() + b.height() + (b.width() - b.height()) / 2.0, cy, Color.WHITE, ink);
      }
      case "player" -> {
        ArenaPaint.chip(g, b);
        double d = b.height() * 0.7;
        g.setPaint(new GradientPaint(0, b.y(), new Color(140, 200, 255), 0, b.bottom(), new Color(40, 90, 200)));
        g.fill(new Ellipse2D.Double(b.x() + b.height() * 0.15, b.y() + b.height() * 0.15, d, d));
        float size = font.fit(e.text(), (float) (b.height() * 0.42), b.width() - b.height() * 1.3);
        ArenaPaint.label(g, font, e.text(), size, b.x() + b.height() + (b.width() - b.height()) / 2.0, cy, Color.WHITE, ink);
      }
      case "reward_amount" -> {
        double d = b.height() * 0.7;
        ArenaPaint.coin(g, b.x(), b.y() + b.height() * 0.15, d);
        double room = b.width() - d * 1.15;
        ArenaPaint.label(g, font, e.text(), font.fit(e.text(), (float) (b.height() * 0.45), room), b.right() - room / 2, cy, gold, ink);
      }
      case "enemy_hp" -> {
        g.setColor(new Color(20, 10, 10, 200));
        g.fill(ArenaPaint.round(b.x(), b.y(), b.width(), b.height(), b.height()));
        double frac = Integer.parseInt(e.text()) / (double) Math.max(1, s.options.attacksToWin());
        double i = b.height() * 0.15;
        if (frac > 0) {
          g.setPaint(new GradientPaint(0, b.y(), new Color(255, 110, 100), 0, b.bottom(), new Color(170, 20, 20)));
          g.fill(ArenaPaint.round(b.x() + i, b.y() + i, (b.width() - 2 * i) * frac, b.height() - 2 * i, b.height()));
        }
      }
      case "loading_bar" -> { } // drawn with its screen, it needs the loading times
      case "purchased", "no_coins" -> {
        ArenaPaint.Palette p = ArenaPaint.palette(e.style());
        g.setColor(new Color(0, 0, 0, 120));
        g.fill(ArenaPaint.round(b.x() + 6 * u, b.y() + 10 * u, b.width(), b.height(), 40 * u));
        g.setPaint(new GradientPaint(0, b.y(), p.top(), 0, b.bottom(), p.bottom()));
        g.fill(ArenaPaint.round(b.x(), b.y(), b.width(), b.height(), 40 * u));
        ArenaPaint.label(g, font, e.text(), font.fit(e.text(), (float) (b.height() * 0.42), b.width() * 0.88),
            cx, cy, Color.WHITE, p.border());
      }
      default -> ArenaPaint.label(g, font, e.text(), font.fit(e.text(), (float) (b.height() * 0.6), b.width()),
          cx, cy, Color.WHITE, ink);
    }
  }

  private void shopRows(Graphics2D g, ArenaLayout layout, ArenaState s) {
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

  private void loading(Graphics2D g, ArenaLayout layout, Bounds bar, ArenaState s, long now) {
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
      int alpha = 60 + 24 * ((k + (int) (now / 90)) % 8);
      g.setColor(new Color(140, 190, 255, Math.min(255, alpha)));
      double d = 22 * u;
      g.fill(new Ellipse2D.Double(cx + r * Math.cos(a) - d / 2, sy + r * Math.sin(a) - d / 2, d, d));
    }
    ArenaPaint.label(g, font, "TIP: COLLECT REWARDS TO BUY GEAR", (float) (34 * u), cx, bar.bottom() + 90 * u,
        new Color(200, 215, 255), new Color(10, 20, 60));
  }

  private void nameField(Graphics2D g, Bounds b, String text, long now) {
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

  private void rewardPanel(Graphics2D g, Bounds b, long now) {
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

  /** Dims and hatches the screen under a pop-up, so its buttons no longer look like buttons. */
  private static void scrim(Graphics2D g, ArenaLayout layout) {
    int w = layout.size.width();
    int h = layout.size.height();
    g.setColor(new Color(6, 4, 16, 170));
    g.fillRect(0, 0, w, h);
    g.setStroke(new BasicStroke((float) (10 * layout.u)));
    g.setColor(new Color(120, 110, 160, 40));
    double step = 34 * layout.u;
    for (double x = -h; x < w; x += step) {
      g.draw(new Line2D.Double(x, 0, x + h, h));
    }
  }

  private void appIcon(Graphics2D g, Bounds b, int index, String label, double u) {
    ArenaSprites.appIcon(g, b, index);
    ArenaPaint.label(g, font, label, (float) (30 * u), b.x() + b.width() / 2.0, b.bottom() + 36 * u,
        Color.WHITE, new Color(20, 20, 40));
  }
}
