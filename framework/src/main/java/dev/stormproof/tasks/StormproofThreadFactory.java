package dev.stormproof.tasks;

import dev.stormproof.leak.Ledger;
import dev.stormproof.leak.Owner;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link ThreadFactory} for threads that frameworks start on a test's behalf (executors,
 * clients, pollers). Each thread is named {@code <prefix>-<n>}, is a daemon, runs with the
 * creating test's {@link Owner} bound, and is tracked in the {@link Ledger} as
 * {@link Ledger.Kind#THREAD} with its creation site until it ends, so the leak guard can say where
 * a thread that outlived its test was made. Thread-safe.
 *
 * <p>A test under {@code @OnDevice} or {@code @LeakGuard} gets one as a parameter, tracked in the
 * run's ledger.
 */
public final class StormproofThreadFactory implements ThreadFactory {

  private final String prefix;
  private final Ledger ledger;
  private final AtomicInteger count = new AtomicInteger();

  /**
   * A factory tracking its threads in {@code ledger}.
   *
   * @param prefix thread name prefix, for example {@code adb-reader}; not blank
   * @param ledger where threads are tracked until they end
   * @throws IllegalArgumentException when {@code prefix} is blank
   */
  public StormproofThreadFactory(String prefix, Ledger ledger) {
    if (prefix == null || prefix.isBlank()) {
      throw new IllegalArgumentException("thread name prefix must not be blank, was '" + prefix
          + "'; pass a name like \"adb-reader\"");
    }
    this.prefix = prefix;
    this.ledger = ledger;
  }

  @Override
  public Thread newThread(Runnable body) {
    String owner = Owner.current();
    String name = prefix + "-" + count.incrementAndGet();
    Ledger.Entry[] entry = new Ledger.Entry[1];
    Thread t = new Thread(() -> {
      try (Owner.Binding b = Owner.bind(owner)) {
        body.run();
      } finally {
        entry[0].release();
      }
    }, name);
    t.setDaemon(true);
    entry[0] = ledger.track(Ledger.Kind.THREAD, t, owner, "thread " + name, 0, site());
    return t;
  }

  private static StackTraceElement[] site() {
    StackTraceElement[] full = new Throwable().getStackTrace();
    int from = 0;
    while (from < full.length
        && full[from].getClassName().equals(StormproofThreadFactory.class.getName())) {
      from++;
    }
    return Ledger.userFrames(full, from, 24);
  }
}
