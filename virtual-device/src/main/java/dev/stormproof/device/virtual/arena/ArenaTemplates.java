package dev.stormproof.device.virtual.arena;

import dev.stormproof.device.Size;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Exports template PNGs for the sample tests: crops of Arena elements at {@link #SIZE} with the
 * default seed, cut exactly at their scene bounds (no margin: the glow and particles around
 * buttons move, the pixels inside do not). Also writes {@code index.csv} with each file's source
 * stop, element and rectangle.
 *
 * <p>Usage: {@code ArenaTemplates <folder>}, normally
 * {@code sample-tests/src/test/resources/templates/arena}. Rerun it after any renderer change;
 * {@code ArenaTemplatesTest} fails while the committed files differ from a fresh render.
 *
 * <p>Internal: public for the integration tests; not part of the API.
 */
public final class ArenaTemplates {
  /** The size templates are cut at. */
  public static final Size SIZE = new Size(1080, 2400);

  /**
   * One template: its file, the {@link ArenaTour} stop and the element it is cut from.
   *
   * @param file file name, for example {@code play.png}
   * @param stop the tour stop
   * @param element the element's name in that stop's scene
   */
  public record Spec(String file, String stop, String element) {}

  /**
   * One exported template: its spec, where it was cut and the pixels.
   *
   * @param spec what was cut
   * @param bounds where, at {@link #SIZE}
   * @param image the pixels
   */
  public record Crop(Spec spec, Bounds bounds, BufferedImage image) {}

  /** Every template the sample tests use. */
  public static final List<Spec> SPECS = List.of(
      new Spec("arena_icon.png", "launcher", "arena_icon"),
      new Spec("title.png", "title", "logo"),
      new Spec("play.png", "title", "play"),
      new Spec("battle.png", "lobby", "battle"),
      new Spec("shop.png", "lobby", "shop"),
      new Spec("emblem.png", "lobby", "emblem"),
      new Spec("attack.png", "battle", "attack"),
      new Spec("victory.png", "victory", "reward_title"),
      new Spec("collect.png", "victory", "collect"),
      new Spec("close.png", "victory", "close"),
      new Spec("shop_title.png", "shop", "shop_title"),
      new Spec("back.png", "shop", "back"),
      new Spec("buy.png", "shop", "buy_0"),
      new Spec("buy_red.png", "shop", "buy_6"),
      new Spec("purchased.png", "shop_purchased", "purchased"));

  private ArenaTemplates() {}

  /** @return fresh crops of every spec, from a default-seed tour at {@link #SIZE}, in {@link #SPECS} order */
  public static List<Crop> crops() {
    Map<String, ArenaTour.Stop> stops = new LinkedHashMap<>();
    for (ArenaTour.Stop stop : ArenaTour.walk(ArenaOptions.defaults(), SIZE)) {
      stops.put(stop.name(), stop);
    }
    List<Crop> out = new ArrayList<>();
    for (Spec spec : SPECS) {
      ArenaTour.Stop stop = stops.get(spec.stop());
      if (stop == null) {
        throw new IllegalStateException("template " + spec.file() + " needs tour stop '" + spec.stop()
            + "', which the tour did not reach; stops: " + stops.keySet());
      }
      out.add(new Crop(spec, stop.element(spec.element()).bounds(), stop.crop(spec.element())));
    }
    return out;
  }

  /**
   * Writes the templates and {@code index.csv}.
   *
   * @param args the target folder
   * @throws IOException when a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException(
          "usage: ArenaTemplates <folder>, for example sample-tests/src/test/resources/templates/arena");
    }
    Path dir = Files.createDirectories(Path.of(args[0]));
    StringBuilder index = new StringBuilder("file,stop,element,x,y,width,height\n");
    for (Crop c : crops()) {
      Path file = dir.resolve(c.spec().file());
      ImageIO.write(c.image(), "png", file.toFile());
      Bounds b = c.bounds();
      index.append(String.join(",", c.spec().file(), c.spec().stop(), c.spec().element(),
          Integer.toString(b.x()), Integer.toString(b.y()), Integer.toString(b.width()), Integer.toString(b.height())))
          .append('\n');
      System.out.println(file + " " + b);
    }
    Files.writeString(dir.resolve("index.csv"), index, StandardCharsets.UTF_8);
  }
}
