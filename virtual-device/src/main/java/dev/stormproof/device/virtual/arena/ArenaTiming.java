package dev.stormproof.device.virtual.arena;

import dev.stormproof.device.Size;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Measures render times per screen and size (a figure for benchmarks, never asserted in unit
 * tests): the first frame (background built), then {@link ArenaGame#renderInto} into a reused
 * image and {@link ArenaGame#render} into a fresh one after warm-up, as minimum and median.
 *
 * <p>Usage: {@code ArenaTiming <output-file> [frames]}; also prints the table.
 */
final class ArenaTiming {
  private ArenaTiming() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: ArenaTiming <output-file> [frames], for example target/arena-timing.txt 40");
    }
    int frames = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    StringBuilder out = new StringBuilder(String.format("%-10s %-14s %9s %9s %9s %9s%n",
        "size", "stop", "first ms", "into min", "into p50", "new p50"));
    for (Size size : ArenaShots.SIZES) {
      for (String stop : new String[] {"title", "lobby", "battle", "victory", "shop"}) {
        out.append(measure(size, stop, frames));
      }
    }
    Files.writeString(Path.of(args[0]), out, StandardCharsets.UTF_8);
    System.out.print(out);
  }

  private static String measure(Size size, String stopName, int frames) {
    // replay the tour up to the stop on a fresh game, so the first frame builds its background
    ArenaGame game = new ArenaGame(ArenaOptions.defaults().withScreenSize(size));
    long now = Replay.to(game, size, stopName);
    BufferedImage image = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
    long t0 = System.nanoTime();
    game.renderInto(image, now);
    double first = (System.nanoTime() - t0) / 1e6;
    for (int i = 0; i < frames; i++) {
      game.renderInto(image, now + i * 16L);
    }
    long[] into = new long[frames];
    long[] fresh = new long[frames];
    for (int i = 0; i < frames; i++) {
      long s = System.nanoTime();
      game.renderInto(image, now + 1_000 + i * 16L);
      into[i] = System.nanoTime() - s;
      s = System.nanoTime();
      game.render(size, now + 1_000 + i * 16L);
      fresh[i] = System.nanoTime() - s;
    }
    Arrays.sort(into);
    Arrays.sort(fresh);
    return String.format("%-10s %-14s %9.1f %9.1f %9.1f %9.1f%n", size, stopName, first,
        into[0] / 1e6, into[frames / 2] / 1e6, fresh[frames / 2] / 1e6);
  }

  /** Drives a game to a named tour stop without rendering; returns the time of that stop. */
  private static final class Replay {
    static long to(ArenaGame game, Size size, String stop) {
      long now = ArenaTour.START_MILLIS;
      game.start(now);
      if (stop.equals("title")) {
        return now;
      }
      now = tap(game, size, "play", now);
      if (game.currentScreen(now) == ArenaScreen.REWARD) {
        tap(game, size, "close", now);
      }
      switch (stop) {
        case "lobby" -> {
          return now;
        }
        case "shop" -> {
          return tap(game, size, "shop", now);
        }
        default -> {
          now = tap(game, size, "battle", now);
          if (stop.equals("victory")) {
            for (int i = 0; i < game.options().attacksToWin(); i++) {
              tap(game, size, "attack", now);
            }
          }
          return now;
        }
      }
    }

    /** Taps an element and returns the time after any loading screen it starts. */
    private static long tap(ArenaGame game, Size size, String element, long now) {
      var c = game.scene(size, now).get(element).bounds().center();
      game.tap(c.x(), c.y(), now);
      long end = game.loadingEndsAt();
      return end > 0 ? end : now;
    }
  }
}
