package dev.stormproof.samples;

import dev.stormproof.device.Size;
import dev.stormproof.vision.Match;
import dev.stormproof.vision.Region;

/**
 * Where Arena shows its counters, as a QA team writes it down from the design: Arena lays out in
 * units of 1/1080 of the screen's short side, so one rectangle in those units fits every
 * portrait resolution. Counters that move (the reward on a pop-up, a shop row's price) are found
 * next to a template that moves with them.
 */
final class ArenaScreenRegions {

  private ArenaScreenRegions() {}

  /** The coin counter at the top right of the lobby and the shop. */
  static Region coins(Size screen) {
    double u = unit(screen);
    return box(screen.width() - 340 * u, 35 * u, 300 * u, 110 * u);
  }

  /** The lobby's WINS label, under the emblem (portrait). */
  static Region wins(Size screen) {
    double u = unit(screen);
    return box(screen.width() / 2.0 - 220 * u, screen.height() * 0.33 + 190 * u, 440 * u, 80 * u);
  }

  /** The HITS counter at the top of the battle screen. */
  static Region hits(Size screen) {
    double u = unit(screen);
    return box(screen.width() / 2.0 - 200 * u, 45 * u, 400 * u, 80 * u);
  }

  /** The banner in the middle of the shop: PURCHASED or NOT ENOUGH COINS. */
  static Region banner(Size screen) {
    double u = unit(screen);
    return box(screen.width() / 2.0 - 300 * u, screen.height() / 2.0 - 80 * u, 600 * u, 160 * u);
  }

  /** The reward amount under the pop-up's title ({@code arena/victory.png}). */
  static Region reward(Match title) {
    double u = title.region().height() / 90.0; // the title is 90 units high
    return box(title.region().x() + 20 * u, title.region().y() + 160 * u, 400 * u, 200 * u);
  }

  /** The price of a shop row, left of the row's BUY button. */
  static Region price(Match buy) {
    double u = buy.region().height() / 90.0; // BUY is 90 units high
    return box(buy.region().x() - 590 * u, buy.region().y() + 55 * u, 300 * u, 60 * u);
  }

  private static double unit(Size screen) {
    return Math.min(screen.width(), screen.height()) / 1080.0;
  }

  private static Region box(double x, double y, double w, double h) {
    return Region.of((int) Math.round(x), (int) Math.round(y), (int) Math.round(w), (int) Math.round(h));
  }
}
