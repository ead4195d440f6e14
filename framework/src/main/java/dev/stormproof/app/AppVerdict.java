package dev.stormproof.app;

/**
 * The app guard's judgement of one iteration. Immutable.
 *
 * @param iteration 1-based iteration number
 * @param outcome what was found
 * @param report the evidence; its text is the failing test's message
 */
public record AppVerdict(int iteration, Outcome outcome, AppReport report) {

  /** What one iteration left behind in the app. */
  public enum Outcome {
    /** Measured, not judged (before the baseline). */
    WARMUP,
    /** Judged: every counter within tolerance. */
    CLEAN,
    /** Judged: a counter grew beyond its tolerance, or climbed like stairs. */
    GREW,
    /** The app crashed, stopped responding, or its process died or restarted. */
    CRASHED,
    /** The app never ran at any boundary so far (a wrong package, or a test that never starts it). */
    NOT_FOUND
  }

  /**
   * Whether the iteration fails.
   *
   * @return true for {@link Outcome#GREW}, {@link Outcome#CRASHED} and {@link Outcome#NOT_FOUND}
   */
  public boolean failed() {
    return outcome != Outcome.WARMUP && outcome != Outcome.CLEAN;
  }
}
