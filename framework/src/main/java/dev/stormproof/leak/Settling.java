package dev.stormproof.leak;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.pollinterval.IterativePollInterval;

/**
 * Settling shared by the guards: an attempt is repeated on the calling thread with back-off
 * (doubling from a first delay up to a cap) until it reports success or the time is over.
 * An exception an attempt throws ends the wait and propagates. Stateless.
 */
public final class Settling {

  private Settling() {}

  /**
   * Runs {@code attempt} at once and then again with back-off until it returns true.
   *
   * @param what what settles, for Awaitility's messages
   * @param atMost how long attempts may go on
   * @param first the first back-off delay
   * @param maxBackoff the back-off cap
   * @param attempt reads the counters and says whether they are within tolerance
   * @return true when an attempt succeeded, false when the time ran out
   */
  public static boolean until(String what, Duration atMost, Duration first, Duration maxBackoff,
      Callable<Boolean> attempt) {
    try {
      Awaitility.await(what)
          .atMost(atMost)
          .pollInSameThread()
          .pollDelay(Duration.ZERO)
          .pollInterval(new IterativePollInterval(
              d -> min(d.multipliedBy(2), maxBackoff), min(first, maxBackoff)))
          .until(attempt);
      return true;
    } catch (ConditionTimeoutException e) {
      return false;
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
