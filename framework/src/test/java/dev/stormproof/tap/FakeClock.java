package dev.stormproof.tap;

import java.util.concurrent.atomic.AtomicLong;

/** Virtual time: sleeping jumps the clock to the deadline at once. */
final class FakeClock implements TapClock {
  private final AtomicLong now = new AtomicLong();

  @Override
  public long nanoTime() {
    return now.get();
  }

  @Override
  public void sleepUntil(long deadlineNanos) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
    now.accumulateAndGet(deadlineNanos, Math::max);
  }

  long millis() {
    return now.get() / 1_000_000;
  }
}
