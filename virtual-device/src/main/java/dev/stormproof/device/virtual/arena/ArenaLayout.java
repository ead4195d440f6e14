package dev.stormproof.device.virtual.arena;

import dev.stormproof.device.Size;
import dev.stormproof.device.virtual.arena.SceneElement.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Where everything is, for a state, a screen size and a time. The renderer draws exactly these
 * rectangles and taps are hit-tested against them, so the scene model cannot drift from the
 * pixels.
 *
 * <p>Proportional layout: sizes are in design units of 1/1080 of the screen's short side (its
 * width in portrait, its height in landscape), so a template cut at 1080x2400 matches 720x1600
 * at scale 2/3 and 1440x3200 at 4/3. Positions are fractions of the screen or offsets from a
 * parent rounded once, so a button's pixels are the same wherever its parent (pop-up, shop row)
 * is.
 */
final class ArenaLayout {
  static final int POPUP_W = 760;
  static final int POPUP_H = 640;
  static final int ROW_PITCH = 220;
  static final int SHOP_TOP = 200;

  final Size size;
  final double u;
  /** Screen width and height in design units. */
  final double dw;
  final double dh;

  ArenaLayout(Size size) {
    this.size = size;
    this.u = Math.min(size.width(), size.height()) / 1080.0;
    this.dw = size.width() / u;
    this.dh = size.height() / u;
  }

  int px(double design) {
    return (int) Math.round(design * u);
  }

  Bounds box(double x, double y, double w, double h) {
    return new Bounds(px(x), px(y), Math.max(1, px(w)), Math.max(1, px(h)));
  }

  Bounds centered(double cx, double cy, double w, double h) {
    return box(cx - w / 2, cy - h / 2, w, h);
  }

  Bounds child(Bounds parent, double dx, double dy, double w, double h) {
    return new Bounds(parent.x() + px(dx), parent.y() + px(dy), Math.max(1, px(w)), Math.max(1, px(h)));
  }

  boolean landscape() {
    return size.landscape();
  }

  /** The enemy's vertical bob in pixels: an integer so its pixels only translate. */
  int enemyBob(long now) {
    return (int) Math.round(14 * u * Math.sin(2 * Math.PI * Math.floorMod(now, 1400L) / 1400.0));
  }

  Scene scene(ArenaState s, long now) {
    return scene(s, s.visibleScreen(), now);
  }

  /** The scene of {@code visible}; the renderer asks for the screen under the pop-up this way. */
  Scene scene(ArenaState s, ArenaScreen visible, long now) {
    List<SceneElement> out = new ArrayList<>();
    if (visible == ArenaScreen.REWARD) {
      popup(s, out);
    } else {
      String id = visible.id();
      switch (visible) {
        case LAUNCHER -> launcher(id, out);
        case TITLE -> title(s, id, out);
        case LOADING -> out.add(el("loading_bar", id, Kind.LABEL, centered(dw / 2, dh * 0.62, 700, 60), "LOADING", ""));
        case LOBBY -> lobby(s, id, out);
        case BATTLE -> battle(s, id, now, out);
        case SHOP -> shop(s, id, now, out);
        default -> throw new IllegalStateException("no layout for " + visible);
      }
    }
    return new Scene(visible, size, out);
  }

  private void launcher(String id, List<SceneElement> out) {
    String[] apps = {"ARENA", "PHONE", "MAIL", "CAMERA"};
    for (int i = 0; i < apps.length; i++) {
      Bounds b = centered(dw * (i + 0.5) / 4, dh * 0.72, 170, 170);
      out.add(el(i == 0 ? "arena_icon" : "app_" + apps[i].toLowerCase(java.util.Locale.ROOT), id,
          i == 0 ? Kind.BUTTON : Kind.SPRITE, b, apps[i], ""));
    }
  }

  private void title(ArenaState s, String id, List<SceneElement> out) {
    out.add(el("logo", id, Kind.LABEL, centered(dw / 2, dh * 0.25, 520, 170), "ARENA", "gold"));
    out.add(el("name_field", id, Kind.FIELD, centered(dw / 2, dh * 0.5, 680, 110), s.playerName.toString(), ""));
    out.add(el("play", id, Kind.BUTTON, centered(dw / 2, dh * 0.75, 360, 140), "PLAY", "orange"));
  }

  private void lobby(ArenaState s, String id, List<SceneElement> out) {
    out.add(el("player", id, Kind.LABEL, box(40, 40, 460, 90), s.playerNameOrGuest(), ""));
    out.add(el("coins", id, Kind.LABEL, box(dw - 340, 40, 300, 90), Integer.toString(s.coins), "gold"));
    out.add(el("emblem", id, Kind.SPRITE, centered(dw / 2, dh * 0.33, 360, 360), "", "gold"));
    out.add(el("wins", id, Kind.LABEL, centered(dw / 2, dh * 0.33 + 230, 400, 70), "WINS " + s.battlesWon, ""));
    if (landscape()) {
      out.add(el("battle", id, Kind.BUTTON, centered(dw / 2 - 210, dh * 0.8, 340, 130), "BATTLE", "red"));
      out.add(el("shop", id, Kind.BUTTON, centered(dw / 2 + 210, dh * 0.8, 340, 130), "SHOP", "blue"));
    } else {
      out.add(el("battle", id, Kind.BUTTON, centered(dw / 2, dh * 0.66, 340, 130), "BATTLE", "red"));
      out.add(el("shop", id, Kind.BUTTON, centered(dw / 2, dh * 0.77, 340, 130), "SHOP", "blue"));
    }
  }

  private void battle(ArenaState s, String id, long now, List<SceneElement> out) {
    double ex = landscape() ? dw / 2 - 350 : dw / 2;
    double ey = landscape() ? dh * 0.55 : dh * 0.36;
    int left = s.options.attacksToWin() - s.hits;
    out.add(el("hits", id, Kind.LABEL, centered(dw / 2, 85, 360, 70),
        "HITS " + s.hits + "/" + s.options.attacksToWin(), ""));
    out.add(el("enemy_hp", id, Kind.LABEL, centered(ex, ey - 240, 600, 44), Integer.toString(left), "red"));
    Bounds enemy = centered(ex, ey, 380, 340);
    out.add(el("enemy", id, Kind.SPRITE, new Bounds(enemy.x(), enemy.y() + enemyBob(now), enemy.width(), enemy.height()),
        "", ""));
    Bounds attack = landscape() ? centered(dw / 2 + 400, dh * 0.6, 340, 130) : centered(dw / 2, dh * 0.78, 340, 130);
    out.add(el("attack", id, Kind.BUTTON, attack, "ATTACK", "red"));
  }

  Bounds popupPanel(ArenaState.Popup p) {
    double x = 40 + p.fx() * Math.max(0, dw - POPUP_W - 80);
    double top = dh * 0.08;
    double y = top + p.fy() * Math.max(0, dh - POPUP_H - 2 * top);
    return box(x, y, POPUP_W, POPUP_H);
  }

  private void popup(ArenaState s, List<SceneElement> out) {
    String id = ArenaScreen.REWARD.id();
    Bounds panel = popupPanel(s.popup);
    out.add(el("reward_panel", id, Kind.PANEL, panel, "", ""));
    out.add(el("reward_title", id, Kind.LABEL, child(panel, 160, 60, 440, 90),
        s.popup.victory() ? "VICTORY!" : "DAILY BONUS", "gold"));
    out.add(el("reward_amount", id, Kind.LABEL, child(panel, 180, 220, 400, 200), "+" + s.popup.reward(), "gold"));
    out.add(el("collect", id, Kind.BUTTON, child(panel, 230, 480, 300, 110), "COLLECT", "green"));
    out.add(el("close", id, Kind.BUTTON, child(panel, 650, 20, 90, 90), "X", "red"));
  }

  /** The largest scroll, in design units, that still fills the shop's viewport. */
  int maxShopScroll() {
    double content = 10 + ArenaState.ITEMS.size() * ROW_PITCH;
    return (int) Math.max(0, Math.round(content - (dh - 30 - SHOP_TOP)));
  }

  Bounds shopViewport() {
    return box(0, SHOP_TOP, dw, dh - 30 - SHOP_TOP);
  }

  /** The card of shop item {@code i}, scrolled; it may lie partly or wholly outside the viewport. */
  Bounds shopCard(ArenaState s, int i) {
    int scroll = px(Math.min(s.shopScroll, maxShopScroll()));
    return new Bounds(px(dw / 2 - 500), shopViewport().y() + px(10 + i * ROW_PITCH) - scroll, px(1000), px(200));
  }

  Bounds shopIcon(Bounds card) {
    return child(card, 30, 30, 140, 140);
  }

  Bounds shopName(Bounds card) {
    return child(card, 200, 30, 560, 70);
  }

  Bounds shopPrice(Bounds card) {
    return child(card, 200, 110, 300, 60);
  }

  Bounds shopBuy(Bounds card) {
    return child(card, 790, 55, 180, 90);
  }

  /** Green when the player can afford item {@code i}, red when not: same shape, same text. */
  static String buyStyle(ArenaState s, int i) {
    return s.coins >= ArenaState.ITEMS.get(i).price() ? "green" : "red";
  }

  private void shop(ArenaState s, String id, long now, List<SceneElement> out) {
    out.add(el("back", id, Kind.BUTTON, box(40, 45, 220, 100), "BACK", "grey"));
    out.add(el("shop_title", id, Kind.LABEL, centered(dw / 2, 95, 300, 100), "SHOP", "gold"));
    out.add(el("coins", id, Kind.LABEL, box(dw - 340, 50, 300, 90), Integer.toString(s.coins), "gold"));
    Bounds view = shopViewport();
    for (int i = 0; i < ArenaState.ITEMS.size(); i++) {
      ArenaState.Item item = ArenaState.ITEMS.get(i);
      Bounds card = shopCard(s, i);
      Bounds price = shopPrice(card);
      Bounds buy = shopBuy(card);
      if (view.contains(card)) {
        out.add(el("item_" + i, id, Kind.PANEL, card, item.name(), ""));
      }
      if (view.contains(price)) {
        out.add(el("price_" + i, id, Kind.LABEL, price, Integer.toString(item.price()), "gold"));
      }
      if (view.contains(buy)) {
        out.add(el("buy_" + i, id, Kind.BUTTON, buy, "BUY", buyStyle(s, i)));
      }
    }
    if (s.banner != null && now < s.banner.untilMillis()) {
      boolean ok = s.banner.purchased();
      out.add(el(ok ? "purchased" : "no_coins", id, Kind.LABEL, centered(dw / 2, dh * 0.5, 520, 120),
          ok ? "PURCHASED" : "NOT ENOUGH COINS", ok ? "green" : "red"));
    }
  }

  private static SceneElement el(String name, String screen, Kind kind, Bounds b, String text, String style) {
    return new SceneElement(name, screen, kind, b, text, style);
  }
}
