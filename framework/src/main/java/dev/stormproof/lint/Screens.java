package dev.stormproof.lint;

import static dev.stormproof.lint.TemplateLint.f2;

import dev.stormproof.device.Screenshot;
import dev.stormproof.vision.Candidate;
import dev.stormproof.vision.Frame;
import dev.stormproof.vision.Template;
import dev.stormproof.vision.Vision;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every template weighed on every recorded screen: found somewhere, and clear of look-alikes there. */
final class Screens {

  private Screens() {}

  private record Seen(String screen, Weighing weighing) {}

  static void check(Vision vision, Map<String, Template> templates, List<Path> files, List<Screenshot> shots,
      LintOptions options, Map<String, List<String>> problems) {
    double threshold = options.vision().threshold();
    double tolerance = options.vision().colorTolerance();
    Map<String, Seen> bestAnywhere = new LinkedHashMap<>();
    Map<String, Seen> worstFound = new LinkedHashMap<>();
    for (int i = 0; i < shots.size(); i++) {
      String screen = files.get(i).getFileName().toString();
      try (Frame frame = vision.frame(shots.get(i))) {
        for (Map.Entry<String, Template> e : templates.entrySet()) {
          String path = e.getKey();
          boolean colour = options.colorChecked().contains(path);
          List<Candidate> candidates;
          try {
            // Colour-checked: searched as the tests search, so same-shaped rivals of another colour drop out.
            candidates = vision.candidates(e.getValue().withColorCheck(colour), frame);
          } catch (RuntimeException tooLarge) { // larger than this screen: Shape reports it for the smallest
            continue;
          }
          Weighing w = Weighing.of(candidates, tolerance);
          Seen seen = new Seen(screen, w);
          Seen any = bestAnywhere.get(path);
          if (any == null || w.best().score() > any.weighing().best().score()) {
            bestAnywhere.put(path, seen);
          }
          if (w.best().score() >= threshold && (!colour || w.best().colorDistance() <= tolerance)) {
            Seen worst = worstFound.get(path);
            if (worst == null || margin(w, colour) < margin(worst.weighing(), colour)) {
              worstFound.put(path, seen);
            }
          }
        }
      }
    }
    for (String path : templates.keySet()) {
      boolean colour = options.colorChecked().contains(path);
      Seen found = worstFound.get(path);
      if (found == null) {
        Seen any = bestAnywhere.get(path);
        problems.get(path).add(path + " is found on none of the " + shots.size() + " recorded screens"
            + (any == null ? "" : " (best score " + f2(any.weighing().best().score()) + " on " + any.screen() + ")")
            + " at threshold " + f2(threshold) + (colour ? " with its colour check" : "")
            + ": record a screen that shows it (the inspector's Save screen), or cut it again from a current screen");
      } else if (!options.repeated().contains(path) && margin(found.weighing(), colour) < options.minMargin()) {
        problems.get(path).add(ambiguous(path, found, colour, options.minMargin()));
      }
    }
  }

  private static double margin(Weighing w, boolean colour) {
    return colour ? w.colorMargin() : w.grayMargin();
  }

  private static String ambiguous(String path, Seen seen, boolean colour, double minMargin) {
    Weighing w = seen.weighing();
    String fix = !colour && w.colorCheckNeeded(minMargin)
        ? "only colour tells them apart: use it with withColorCheck(true) and list it in the lint's colorChecked"
        : "cut a larger or more distinctive region, or search a smaller one with withRegion(...)";
    String rival = w.runnerUp() == null ? "" : ", look-alike " + Weighing.describe(w.runnerUp());
    return path + " is ambiguous on " + seen.screen() + ": best " + Weighing.describe(w.best()) + rival + ", margin "
        + f2(margin(w, colour)) + " under " + f2(minMargin) + ": " + fix;
  }
}
