package dev.stormproof.leak;

import java.util.ArrayList;
import java.util.List;

/**
 * Stair-step detection shared by the guards: growth that stays within tolerance at every
 * iteration but rises in most of the last {@code window} iterations. Not thread-safe; the guard
 * sessions call it under their own lock.
 */
public final class StairSteps {

  private final int window;
  private final int percent;
  private final List<String> names;
  private final long[] noise;
  private final boolean[] bytes;
  private final String suffix;
  private final List<long[]> history = new ArrayList<>();

  /**
   * A detector over a fixed set of counters.
   *
   * @param window iterations examined (0 turns detection off)
   * @param percent share of those iterations in which a counter must rise, 51 to 100
   * @param names the counters' names as reports show them, in the order values are recorded
   * @param noise per counter, the step a rise must exceed to count
   * @param bytes per counter, whether its values are bytes (reports show MiB)
   * @param suffix appended to each finding, for example {@code " [process-wide]"}
   */
  public StairSteps(int window, int percent, List<String> names, long[] noise, boolean[] bytes,
      String suffix) {
    if (names.size() != noise.length || names.size() != bytes.length) {
      throw new IllegalArgumentException("StairSteps needs one noise and one bytes flag per "
          + "counter: " + names.size() + " names, " + noise.length + " noise values, "
          + bytes.length + " flags; pass arrays as long as the names");
    }
    this.window = window;
    this.percent = percent;
    this.names = List.copyOf(names);
    this.noise = noise.clone();
    this.bytes = bytes.clone();
    this.suffix = suffix;
  }

  /**
   * Records one iteration's values and returns the staircases found (empty when none). A
   * staircase is reported once: the history restarts after a finding.
   *
   * @param values this iteration's values, in the order of the names (below 0: unavailable)
   * @param baseline the current baseline; a staircase ending at or below it is recovery
   * @return one line per counter that climbed like stairs
   */
  public List<String> record(long[] values, long[] baseline) {
    history.add(values.clone());
    List<String> found = new ArrayList<>();
    if (window == 0 || history.size() < window + 1) {
      return found;
    }
    List<long[]> recent = history.subList(history.size() - window - 1, history.size());
    for (int p = 0; p < names.size(); p++) {
      int rises = 0;
      for (int i = 1; i < recent.size(); i++) {
        if (recent.get(i)[p] >= 0 && recent.get(i)[p] - recent.get(i - 1)[p] > noise[p]) {
          rises++;
        }
      }
      long total = recent.get(recent.size() - 1)[p] - recent.get(0)[p];
      // A staircase that only climbs back from a dip below the baseline is recovery, not a leak.
      boolean aboveBaseline = recent.get(recent.size() - 1)[p] > baseline[p];
      if (rises * 100 >= percent * window && total > noise[p] && aboveBaseline) {
        found.add(String.format("%-16s rose in %d of the last %d iterations (%s in all, each "
            + "step within tolerance): stair-step growth%s", names.get(p), rises, window,
            "+" + Growth.amount(total, bytes[p]), suffix));
      }
    }
    if (!found.isEmpty()) {
      history.clear();
    }
    return found;
  }
}
