package dev.stormproof.vision;

import dev.stormproof.device.Point;
import dev.stormproof.device.Size;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns raw candidates into matches (threshold, colour, NMS) and failures into messages. */
final class Outcome {

  private Outcome() {}

  static boolean passes(Matcher.Candidate c, double threshold, VisionOptions options) {
    return c.score() >= threshold && !(c.colorDistance() > options.colorTolerance());
  }

  static Match toMatch(String template, Matcher.Candidate c) {
    return new Match(template, new Point(c.x(), c.y()), new Size(c.w(), c.h()), c.score(), c.scale());
  }

  static Optional<Match> accepted(Template t, Matcher.Result r, VisionOptions options) {
    double threshold = t.threshold(options);
    for (Matcher.Candidate c : r.candidates()) {
      if (passes(c, threshold, options)) {
        return Optional.of(toMatch(t.path(), c));
      }
    }
    return Optional.empty();
  }

  static List<Match> all(Template t, Matcher.Result r, VisionOptions options) {
    double threshold = t.threshold(options);
    List<Matcher.Candidate> kept = new ArrayList<>();
    for (Matcher.Candidate c : r.candidates()) { // best first: greedy non-maximum suppression
      if (passes(c, threshold, options) && kept.stream().noneMatch(k -> k.region().iou(c.region()) > 0.3)) {
        kept.add(c);
        if (kept.size() >= options.maxResults()) {
          break;
        }
      }
    }
    return kept.stream().map(c -> toMatch(t.path(), c)).toList();
  }

  static String notFound(Template t, Matcher.Result r, VisionOptions options, Duration timeout) {
    double threshold = t.threshold(options);
    if (r == null || r.candidates().isEmpty()) {
      return t.path() + " not found within " + format(timeout) + ": no candidate on the screen";
    }
    Matcher.Candidate best = r.candidates().get(0);
    if (best.score() >= threshold && best.colorDistance() > options.colorTolerance()) {
      return String.format(Locale.ROOT,
          "%s not found within %s: best score %.2f at (%d, %d) reaches threshold %.2f but its colour differs "
              + "(distance %.2f above tolerance %.2f)",
          t.path(), format(timeout), best.score(), best.x(), best.y(), threshold, best.colorDistance(),
          options.colorTolerance());
    }
    return String.format(Locale.ROOT, "%s not found within %s: best score %.2f at (%d, %d) below threshold %.2f (margin %+.2f)",
        t.path(), format(timeout), best.score(), best.x(), best.y(), threshold, best.score() - threshold);
  }

  static String stillVisible(Template t, Match m, VisionOptions options, Duration timeout) {
    double threshold = t.threshold(options);
    return String.format(Locale.ROOT, "%s still visible after %s: score %.2f at (%d, %d) reaches threshold %.2f (margin %+.2f)",
        t.path(), format(timeout), m.score(), m.location().x(), m.location().y(), threshold, m.score() - threshold);
  }

  static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 1000 == 0) {
      return (ms / 1000) + "s";
    }
    if (ms < 1000) {
      return ms + "ms";
    }
    return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
  }
}
