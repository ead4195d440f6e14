package dev.stormproof.leak;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The outcome of one guarded iteration.
 *
 * @param iteration 1-based iteration number within the session
 * @param outcome what the guard concluded
 * @param report the full report (also for clean iterations: it lists the counters)
 * @param jfr the JFR recording of this iteration, when one was kept
 */
public record Verdict(int iteration, Outcome outcome, LeakReport report, Optional<Path> jfr) {

  /** What the guard concluded. */
  public enum Outcome {
    /** Warm-up iteration: measured, not judged. */
    WARMUP,
    /** Judged: nothing grew beyond tolerance, no stair-step. */
    CLEAN,
    /** Judged: something leaked; {@link LeakReport#text()} says what and where. */
    LEAKED
  }

  /** @return true when the outcome is {@link Outcome#LEAKED} */
  public boolean leaked() {
    return outcome == Outcome.LEAKED;
  }
}
