package dev.stormproof.device.virtual.arena;

import dev.stormproof.device.Size;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A scripted walk through every Arena screen at one size, at fixed times, keeping a frame and
 * its scene at each stop. The template exporter, the screenshot tool and the tests share it, so
 * they all see the same pixels.
 *
 * <p>Stops, in order: {@code launcher}, {@code title}, {@code title_named}, {@code loading},
 * {@code lobby_bonus} (only if the seed shows the bonus pop-up on the first lobby entry),
 * {@code lobby}, {@code battle}, {@code battle_hit}, {@code victory}, {@code shop},
 * {@code shop_purchased}, {@code shop_scrolled}.
 *
 * <p>Internal: public for the integration tests; not part of the API.
 */
public final class ArenaTour {
  /** Time of the first frame; later stops are whole seconds apart, past any loading screen. */
  static final long START_MILLIS = 1_000;

  /**
   * One stop of the walk.
   *
   * @param name the stop's name, for example {@code lobby}
   * @param screen the screen shown
   * @param frame the rendered frame; {@code null} from {@link #walkScenes}
   * @param scene what it shows
   */
  public record Stop(String name, ArenaScreen screen, BufferedImage frame, Scene scene) {
    /**
     * An element of this stop's scene.
     *
     * @param elementName the element's name
     * @return the element
     * @throws java.util.NoSuchElementException when it is not visible
     */
    public SceneElement element(String elementName) {
      return scene.get(elementName);
    }

    /**
     * A copy of the frame inside an element's bounds.
     *
     * @param elementName the element's name
     * @return the crop
     * @throws java.util.NoSuchElementException when it is not visible
     */
    public BufferedImage crop(String elementName) {
      Bounds b = element(elementName).bounds();
      BufferedImage out = new BufferedImage(b.width(), b.height(), BufferedImage.TYPE_INT_RGB);
      out.getRaster().setRect(-b.x(), -b.y(), frame.getRaster().createChild(b.x(), b.y(), b.width(), b.height(), b.x(), b.y(), null));
      return out;
    }
  }

  private final ArenaGame game;
  private final Size size;
  private final List<Stop> stops = new ArrayList<>();
  private final boolean render;
  private long now = START_MILLIS;

  private ArenaTour(ArenaOptions options, Size size, boolean render) {
    this.game = new ArenaGame(options.withScreenSize(size));
    this.size = size;
    this.render = render;
  }

  /**
   * Walks the game, rendering each stop; deterministic.
   *
   * @param options the game's options
   * @param size the screen size
   * @return the stops, in order
   */
  public static List<Stop> walk(ArenaOptions options, Size size) {
    ArenaTour t = new ArenaTour(options, size, true);
    t.run();
    return List.copyOf(t.stops);
  }

  /** The same walk without rendering: every stop's frame is {@code null}; for layout checks. */
  static List<Stop> walkScenes(ArenaOptions options, Size size) {
    ArenaTour t = new ArenaTour(options, size, false);
    t.run();
    return List.copyOf(t.stops);
  }

  private void run() {
    snap("launcher");
    tapOn("arena_icon");
    snap("title");
    game.text("Hero", now);
    snap("title_named");
    tapOn("play");
    now = (now + game.loadingEndsAt()) / 2; // halfway through the loading screen
    snap("loading");
    later();
    if (game.currentScreen(now) == ArenaScreen.REWARD) {
      snap("lobby_bonus");
      tapOn("collect");
    }
    snap("lobby");
    tapOn("battle");
    later();
    snap("battle");
    for (int i = 1; i < game.options().attacksToWin(); i++) {
      tapOn("attack");
      now += 250;
    }
    now -= 200; // 50 ms after the last hit: the enemy flashes
    snap("battle_hit");
    later();
    tapOn("attack");
    snap("victory");
    tapOn("collect");
    later();
    tapOn("shop");
    later();
    snap("shop");
    tapOn("buy_1");
    now += 100;
    snap("shop_purchased");
    later();
    game.swipe(size.width() / 2, size.height() * 3 / 4, size.width() / 2, size.height() / 4, 300, now);
    snap("shop_scrolled");
  }

  private void later() {
    now += 1_000;
  }

  private void tapOn(String element) {
    var c = game.scene(size, now).get(element).bounds().center();
    game.tap(c.x(), c.y(), now);
  }

  private void snap(String name) {
    BufferedImage frame = render ? game.render(size, now) : null;
    stops.add(new Stop(name, game.currentScreen(now), frame, game.scene(size, now)));
  }
}
