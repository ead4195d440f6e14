package dev.stormproof.device.virtual.arena;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;

/**
 * Draws a {@link Scene}: background, particles, then every element inside its bounds. Used only
 * under the game's lock (its caches are not thread-safe).
 */
final class ArenaRenderer {
  private final long seed;
  private final ArenaFont font = new ArenaFont();
  private final ArenaBackdrop backdrop;
  private final ArenaWidgets widgets = new ArenaWidgets(font);
  private BufferedImage frozen;
  private ArenaState.Popup frozenFor;

  ArenaRenderer(long seed) {
    this.seed = seed;
    this.backdrop = new ArenaBackdrop(seed);
  }

  void draw(BufferedImage target, ArenaLayout layout, Scene scene, ArenaState s, long now) {
    Graphics2D g = target.createGraphics();
    try {
      ArenaPaint.hints(g);
      if (s.popup == null) {
        frozen = null;
        frozenFor = null;
        screen(g, layout, scene, s, now);
      } else {
        g.drawImage(frozenBackground(layout, s), 0, 0, null);
        for (SceneElement e : scene.elements()) {
          element(g, layout, e, s, now);
        }
      }
    } finally {
      g.dispose();
    }
  }

  /**
   * The screen under the pop-up, blurred and dimmed, as it was when the pop-up appeared: nothing
   * under a modal pop-up can change, so it is drawn once per pop-up and size (one frame-sized
   * image, dropped when the pop-up closes), and frames stay a function of state and time.
   */
  private BufferedImage frozenBackground(ArenaLayout layout, ArenaState s) {
    if (frozen == null || frozenFor != s.popup || frozen.getWidth() != layout.size.width()
        || frozen.getHeight() != layout.size.height()) {
      if (frozen == null || frozen.getWidth() != layout.size.width() || frozen.getHeight() != layout.size.height()) {
        frozen = new BufferedImage(layout.size.width(), layout.size.height(), BufferedImage.TYPE_INT_RGB);
      }
      long at = s.popup.shownAt();
      Graphics2D g = frozen.createGraphics();
      try {
        ArenaPaint.hints(g);
        screen(g, layout, layout.scene(s, s.screen, at), s, at);
        widgets.blur(frozen, g);
        widgets.scrim(g, layout);
      } finally {
        g.dispose();
      }
      frozenFor = s.popup;
    }
    return frozen;
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
      case LOADING -> widgets.loading(g, layout, scene.get("loading_bar").bounds(), s, now);
      default -> { }
    }
    if (scene.screen() == ArenaScreen.BATTLE) {
      var e = scene.get("enemy").bounds();
      g.setColor(new Color(0, 0, 0, 90));
      double sw = e.width() * 0.8;
      g.fill(new Ellipse2D.Double(e.x() + (e.width() - sw) / 2, e.bottom() - layout.enemyBob(now) + 4 * u, sw, 40 * u));
    }
    if (scene.screen() == ArenaScreen.SHOP) {
      widgets.shopRows(g, layout, s);
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
      case FIELD -> widgets.nameField(g, b, e.text(), now);
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
          widgets.rewardPanel(g, b, now);
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
        float size = font.fit(ArenaFont.Face.MONO, e.text(), (float) (b.height() * 0.5), b.width() - b.height() * 1.3);
        ArenaPaint.label(g, font, ArenaFont.Face.MONO, e.text(), size, b.x() + b.height() + (b.width() - b.height()) / 2.0,
            cy, Color.WHITE, ink);
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
        ArenaPaint.label(g, font, ArenaFont.Face.SERIF, e.text(), font.fit(ArenaFont.Face.SERIF, e.text(),
            (float) (b.height() * 0.45), room), b.right() - room / 2, cy, gold, ink);
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

  private void appIcon(Graphics2D g, Bounds b, int index, String label, double u) {
    ArenaSprites.appIcon(g, b, index);
    ArenaPaint.label(g, font, label, (float) (30 * u), b.x() + b.width() / 2.0, b.bottom() + 36 * u,
        Color.WHITE, new Color(20, 20, 40));
  }
}
