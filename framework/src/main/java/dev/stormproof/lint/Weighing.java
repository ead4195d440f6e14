package dev.stormproof.lint;

import dev.stormproof.vision.Candidate;
import dev.stormproof.vision.Region;
import java.util.List;
import java.util.Locale;

/**
 * How clearly a template stands out on one screen: its best candidate against the best
 * look-alike elsewhere, in gray and with the colour check. Shared by the template lint and the
 * inspector's preview. Immutable.
 *
 * @param best the best candidate
 * @param runnerUp the best candidate elsewhere (null when the matcher weighed no other place)
 * @param grayMargin best score minus the runner-up's (best score when there is no runner-up)
 * @param colorMargin the same among candidates whose colour is within tolerance: what a
 *     colour-checked template gets
 * @param colorTellsApart whether the runner-up's colour differs beyond tolerance while the best's does not
 */
public record Weighing(Candidate best, Candidate runnerUp, double grayMargin, double colorMargin, boolean colorTellsApart) {

  /**
   * Weighs candidates (best first, as {@code Vision.candidates} returns them).
   *
   * @param candidates at least one
   * @param colorTolerance the largest colour distance a colour-checked match may have
   * @return the weighing
   */
  public static Weighing of(List<Candidate> candidates, double colorTolerance) {
    Candidate best = candidates.get(0);
    Candidate runnerUp = candidates.size() > 1 ? candidates.get(1) : null;
    double sameColour = 0;
    for (Candidate c : candidates.subList(1, candidates.size())) {
      if (c.colorDistance() <= colorTolerance) {
        sameColour = Math.max(sameColour, c.score());
      }
    }
    boolean apart = runnerUp != null && runnerUp.colorDistance() > colorTolerance && best.colorDistance() <= colorTolerance;
    return new Weighing(best, runnerUp, best.score() - (runnerUp == null ? 0 : Math.max(0, runnerUp.score())),
        best.score() - sameColour, apart);
  }

  /**
   * Whether the template needs its colour check on this screen: the gray margin is below
   * {@code minMargin} but colour tells the look-alike apart.
   *
   * @param minMargin the margin a template needs
   * @return true when {@code withColorCheck(true)} is needed
   */
  public boolean colorCheckNeeded(double minMargin) {
    return grayMargin < minMargin && colorTellsApart && colorMargin >= minMargin;
  }

  /**
   * A threshold halfway between the best score and the look-alike that would pass, within
   * [0.80, 0.95] and rounded to 0.01.
   *
   * @param colorChecked whether the template is used with its colour check
   * @return the suggested threshold
   */
  public double suggestedThreshold(boolean colorChecked) {
    double rival = best.score() - (colorChecked ? colorMargin : grayMargin);
    double mid = (best.score() + rival) / 2;
    return Math.round(Math.max(0.80, Math.min(0.95, mid)) * 100) / 100.0;
  }

  /**
   * A search region around the best candidate: grown by its own size on every side and clipped
   * to the screen, which also keeps matching fast.
   *
   * @param screenWidth the screen width in pixels
   * @param screenHeight the screen height in pixels
   * @return the region
   */
  public Region suggestedRegion(int screenWidth, int screenHeight) {
    Region b = best.region();
    int x = Math.max(0, b.x() - b.width());
    int y = Math.max(0, b.y() - b.height());
    int r = Math.min(screenWidth, b.x() + 2 * b.width());
    int d = Math.min(screenHeight, b.y() + 2 * b.height());
    return new Region(x, y, r - x, d - y);
  }

  /** Where a candidate is and how it scores, for messages: {@code 0.97 at 120,400,96,96}. */
  static String describe(Candidate c) {
    return String.format(Locale.ROOT, "%.2f at %s", c.score(), c.region());
  }
}
