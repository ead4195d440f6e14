package dev.stormproof.tap;

import java.util.concurrent.locks.LockSupport;

/**
 * The time source of a {@link TapQueue}: its token bucket and its wait metrics read
 * {@link #nanoTime()}, and its dispatcher paces taps with {@link #sleepUntil}. Tests inject a
 * clock whose {@code sleepUntil} advances virtual time instantly, so rate behaviour is checked
 * exactly and without sleeping.
 */
public interface TapClock {

  /** @return monotonic nanoseconds */
  long nanoTime();

  /**
   * Returns once {@link #nanoTime()} reached {@code deadlineNanos}.
   *
   * @param deadlineNanos a {@link #nanoTime()} value
   * @throws InterruptedException when the waiting thread is interrupted (the queue is closing)
   */
  void sleepUntil(long deadlineNanos) throws InterruptedException;

  /** @return the real clock: {@link System#nanoTime()} and parking */
  static TapClock system() {
    return SystemClock.INSTANCE;
  }

  /** The real clock. */
  enum SystemClock implements TapClock {
    /** The only instance. */
    INSTANCE;

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public void sleepUntil(long deadlineNanos) throws InterruptedException {
      long left;
      while ((left = deadlineNanos - System.nanoTime()) > 0) {
        LockSupport.parkNanos(this, left);
        if (Thread.interrupted()) {
          throw new InterruptedException("tap dispatcher interrupted while pacing");
        }
      }
    }
  }
}
