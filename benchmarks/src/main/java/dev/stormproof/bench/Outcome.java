package dev.stormproof.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one matcher answered (best location and score; x = y = -1 when it reported nothing) and
 * how long each timed run took. Peers in other processes print it as one JSON line, parsed by
 * {@link #parseJson}.
 */
public record Outcome(int x, int y, int w, int h, double score, long[] nanos, String note) {

  /** An outcome whose match has the template's own size (matchers without scale search). */
  public Outcome(int x, int y, double score, long[] nanos, String note) {
    this(x, y, -1, -1, score, nanos, note);
  }

  private static final Pattern INT = Pattern.compile("\"(x|y)\"\\s*:\\s*(-?\\d+)");
  private static final Pattern SCORE = Pattern.compile("\"score\"\\s*:\\s*(-?[0-9.eE+-]+|null)");
  private static final Pattern NANOS = Pattern.compile("\"nanos\"\\s*:\\s*\\[([0-9,\\s]*)]");
  private static final Pattern NOTE = Pattern.compile("\"note\"\\s*:\\s*\"([^\"]*)\"");

  /** Judges this outcome against the scene: yes / wrong place / below threshold. */
  public String verdict(Scene scene, double threshold, int tolerancePx) {
    if (x < 0) {
      return "no (nothing found)";
    }
    boolean right = scene.isRight(x, y, w, h, tolerancePx);
    if (score < threshold) {
      return right ? "no (right place, score below " + threshold + ")" : "no (below " + threshold + ")";
    }
    return right ? "yes" : "no (wrong button)";
  }

  /** Parses {@code {"x":..,"y":..,"score":..,"nanos":[..],"note":".."}} as printed by the peers. */
  public static Outcome parseJson(String json) {
    int x = -1;
    int y = -1;
    Matcher m = INT.matcher(json);
    while (m.find()) {
      if (m.group(1).equals("x")) {
        x = Integer.parseInt(m.group(2));
      } else {
        y = Integer.parseInt(m.group(2));
      }
    }
    Matcher s = SCORE.matcher(json);
    double score = s.find() && !s.group(1).equals("null") ? Double.parseDouble(s.group(1)) : Double.NaN;
    Matcher n = NANOS.matcher(json);
    if (!n.find()) {
      throw new IllegalArgumentException("peer output has no \"nanos\" array: " + json);
    }
    String[] parts = n.group(1).trim().isEmpty() ? new String[0] : n.group(1).split(",");
    long[] nanos = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      nanos[i] = Long.parseLong(parts[i].trim());
    }
    Matcher note = NOTE.matcher(json);
    return new Outcome(x, y, score, nanos, note.find() ? note.group(1) : "");
  }
}
