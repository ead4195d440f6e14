package dev.stormproof.bench;

import dev.stormproof.device.Size;
import dev.stormproof.device.virtual.arena.ArenaGame;
import dev.stormproof.device.virtual.arena.ArenaScreen;
import dev.stormproof.device.virtual.arena.Bounds;
import dev.stormproof.device.virtual.arena.Scene;
import dev.stormproof.device.virtual.arena.SceneElement;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/** Where the peers benchmark gets its screen: the sample game Arena, or the synthetic screen. */
public final class Scenes {
  /** Which shop item's icon is the template: its gem looks like SWORD's in another hue. */
  static final String ARENA_TARGET = "item_7";
  static final int TEMPLATE_SIDE = 96;

  private Scenes() {
  }

  /**
   * {@code arena}: Arena's shop at 1080x2400 (seed 42), navigated through its scene model; the
   * template is a 96x96 crop centred on the ARMOR item's gem, one of ten gems of one shape in
   * different hues (every BUY button has identical twins, so a button would have no single right
   * answer). Ground truth: the icon's place in the scene model. {@code synthetic}: {@link
   * SyntheticScreen}.
   */
  public static dev.stormproof.bench.Scene load(String which) {
    switch (which) {
      case "synthetic":
        return SyntheticScreen.render(7);
      case "arena":
        return arenaShop();
      default:
        throw new IllegalArgumentException("--scene must be 'arena' or 'synthetic', got '" + which + "'");
    }
  }

  static dev.stormproof.bench.Scene arenaShop() {
    return arenaShop(ARENA_TARGET);
  }

  /**
   * The shop with {@code item} as the template: a button of the scene model (for example
   * {@code back}) cut at its bounds, or the gem icon of a shop card (for example {@code item_5},
   * BOW) cut 96x96 around the icon's centre.
   */
  public static dev.stormproof.bench.Scene arenaShop(String item) {
    Size size = new Size(1080, 2400);
    ArenaGame game = new ArenaGame(42);
    long now = 0;
    game.start(now);
    game.render(size, now);
    now = tap(game, size, now, "play");
    now = tap(game, size, now, "shop");
    Scene scene = game.scene(size, now);
    if (!scene.screen().id().equals("shop")) {
      throw new IllegalStateException("Arena did not reach its shop through PLAY and SHOP; it shows "
          + scene.screen() + ": the sample game's flow changed, update Scenes.arenaShop");
    }
    BufferedImage screen = game.render(size, now);
    SceneElement element = scene.find(item).orElseThrow(() -> new IllegalArgumentException(
        "Arena's shop has no element '" + item + "'; use back or item_0 .. item_9"));
    Bounds b = element.bounds();
    if (element.kind() == SceneElement.Kind.BUTTON) {
      Rectangle truth = new Rectangle(b.x(), b.y(), b.width(), b.height());
      return dev.stormproof.bench.Scene.cut("Arena shop 1080x2400 seed 42, template = " + element.text() + " button ("
          + b.width() + "x" + b.height() + ")", screen, truth);
    }
    // A card's icon is its (30, 30, 140, 140) child (ArenaLayout.shopIcon); crop around its centre.
    int cx = b.x() + 100;
    int cy = b.y() + 100;
    Rectangle truth = new Rectangle(cx - TEMPLATE_SIDE / 2, cy - TEMPLATE_SIDE / 2, TEMPLATE_SIDE, TEMPLATE_SIDE);
    return dev.stormproof.bench.Scene.cut("Arena shop 1080x2400 seed 42, template = " + element.text()
        + " gem icon (96x96)", screen, truth);
  }

  private static long tap(ArenaGame game, Size size, long now, String element) {
    SceneElement e = game.scene(size, now).get(element);
    game.tap(e.bounds().center().x(), e.bounds().center().y(), now);
    // Step Arena's own clock past the loading screen (30-800 ms, seeded): nothing really waits.
    long later = now + 100;
    for (int i = 0; i < 100 && game.currentScreen(later) == ArenaScreen.LOADING; i++) {
      later += 100;
    }
    return later;
  }
}
