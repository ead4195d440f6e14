package dev.stormproof.tap;

import dev.stormproof.device.DeviceTimeoutException;
import dev.stormproof.device.Point;
import dev.stormproof.leak.Owner;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One device's tap queue: a bounded FIFO drained by one dispatcher thread at the pace of a token
 * bucket ({@link TapOptions#rate()} taps a second, up to {@link TapOptions#burst()} back to
 * back). Producers on any thread {@link #submit} (returns a future) or {@link #tap} (blocks until
 * the tap was delivered, rethrowing the delivery's failure, so no failure is lost). A full queue
 * blocks the producer up to {@link TapOptions#offerTimeout()} or rejects at once, per
 * {@link TapOptions#overflow()}. Each tap carries {@link Owner#current()}; {@link #cancel(String)}
 * drops the queued taps of an owner that ended (a tap already being delivered completes).
 *
 * <p>Thread model: one named dispatcher thread ({@code stormproof-tap-NAME}), started by the
 * constructor, interrupted and joined by {@link #close()}, which also cancels every queued tap.
 * Thread-safe.
 */
public final class TapQueue implements AutoCloseable {

  /** How many recent queue waits the percentiles are computed over. */
  public static final int WAIT_SAMPLES = 4096;

  /** Delivers one tap to the device; throws to fail that tap. */
  @FunctionalInterface
  public interface Deliverer {
    /**
     * Delivers one tap, on the dispatcher thread.
     *
     * @param point where to tap
     * @throws Exception to fail that tap; the producer gets it
     */
    void deliver(Point point) throws Exception;
  }

  private record Tap(Point point, String owner, long enqueuedAt, CompletableFuture<Void> done, boolean async) {}

  /** Failed asynchronous taps kept per owner until {@link #takeFailures}; bounded so a forgetful caller cannot grow it forever. */
  static final int MAX_KEPT_FAILURES = 1000;

  private final String name;
  private final TapOptions options;
  private final Deliverer deliverer;
  private final TapClock clock;
  private final ArrayDeque<Tap> queue = new ArrayDeque<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final Condition notFull = lock.newCondition();
  private final Condition idle = lock.newCondition();
  private final Map<String, List<Throwable>> asyncFailures = new HashMap<>();
  private int keptFailures;
  private String inFlightOwner;
  /** Owners whose work failed: their taps are refused except from the thread each maps to. */
  private final Map<String, Thread> fenced = new HashMap<>();
  private final Thread dispatcher;
  private boolean closed;

  private final TapStats stats = new TapStats(); // guarded by lock

  // Dispatcher-thread only.
  private double tokens;
  private long refilledAt;

  /**
   * A queue; starts its dispatcher thread. Close it to stop the thread.
   *
   * @param name names the queue and its thread in messages, usually the device serial
   * @param options rate, burst, capacity, overflow and timeouts
   * @param deliverer delivers each tap, for example {@code device::tap}
   * @param clock paces taps; {@link TapClock#system()} outside tests
   */
  public TapQueue(String name, TapOptions options, Deliverer deliverer, TapClock clock) {
    this.name = Objects.requireNonNull(name, "name");
    this.options = Objects.requireNonNull(options, "options");
    this.deliverer = Objects.requireNonNull(deliverer, "deliverer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.tokens = options.burst();
    this.refilledAt = clock.nanoTime();
    this.dispatcher = new Thread(this::dispatch, "stormproof-tap-" + name);
    dispatcher.setDaemon(true);
    dispatcher.start();
  }

  /** @return the options this queue runs with */
  public TapOptions options() {
    return options;
  }

  /**
   * Queues a tap owned by {@link Owner#current()}. The future completes when the tap was
   * delivered, or exceptionally with the delivery's failure or a {@link TapCancelledException}.
   * A delivery failure is also kept for the owner until {@link #takeFailures} (the JUnit layer
   * fails the test with it), so it is not lost when nobody looks at the future.
   *
   * @param point where to tap
   * @return completes when the tap was delivered, or exceptionally
   * @throws TapRejectedException when the queue is full (after waiting, with overflow
   *     {@code block}) or closed
   */
  public CompletableFuture<Void> submit(Point point) {
    return enqueue(point, true);
  }

  private CompletableFuture<Void> enqueue(Point point, boolean async) {
    Objects.requireNonNull(point, "point");
    Tap tap = new Tap(point, Owner.current(), 0, new CompletableFuture<>(), async);
    if (Thread.currentThread().isInterrupted()) {
      // A cancelled task must not queue more work; its interrupt is the cancellation.
      throw new TapCancelledException("the tap at " + point + " on " + name + " was refused: the thread "
          + Thread.currentThread().getName() + " is interrupted (its task or test was cancelled)");
    }
    lock.lock();
    try {
      Thread allowed = fenced.get(tap.owner());
      if (allowed != null && allowed != Thread.currentThread()) {
        stats.cancelled++;
        throw new TapCancelledException("the tap at " + point + " on " + name + " was refused: its owner "
            + tap.owner() + " failed and its taps are cancelled");
      }
      if (queue.size() >= options.capacity() && !closed) {
        if (options.overflow() == TapOptions.Overflow.REJECT) {
          stats.rejected++;
          throw new TapRejectedException("tap queue of " + name + " is full (" + options.capacity() + " taps waiting at "
              + options.rate() + " taps/s); the tap at " + point + " was rejected: lower the tap rate of the test, "
              + "or raise stormproof.tap.capacity, or set stormproof.tap.overflow=block");
        }
        long left = options.offerTimeout().toNanos();
        while (queue.size() >= options.capacity() && !closed) {
          if (left <= 0) {
            stats.rejected++;
            throw new TapRejectedException("tap queue of " + name + " stayed full (" + options.capacity() + " taps waiting at "
                + options.rate() + " taps/s) for " + human(options.offerTimeout()) + "; the tap at " + point
                + " was rejected: lower the tap rate of the test, or raise stormproof.tap.capacity or stormproof.tap.offerTimeout");
          }
          try {
            left = notFull.awaitNanos(left);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TapCancelledException("interrupted while waiting for room in the tap queue of " + name);
          }
        }
      }
      if (closed) {
        stats.rejected++;
        throw new TapRejectedException("tap queue of " + name + " is closed; the tap at " + point
            + " was rejected: the device lease ended, tap within the test that holds the device");
      }
      tap = new Tap(point, tap.owner(), clock.nanoTime(), tap.done(), async);
      queue.addLast(tap);
      stats.submitted++;
      notEmpty.signal();
    } finally {
      lock.unlock();
    }
    return tap.done();
  }

  /**
   * Queues a tap and waits until it was delivered, at most {@link TapOptions#deliveryTimeout()}.
   * A delivery failure is rethrown as is (a {@code DeviceException} from the device).
   *
   * @param point where to tap
   * @throws TapRejectedException when the queue is full or closed
   * @throws TapCancelledException when the waiting thread was interrupted (the tap is dropped)
   * @throws DeviceTimeoutException when the tap was not delivered in time (it is cancelled if
   *     still queued)
   */
  public void tap(Point point) {
    CompletableFuture<Void> done = enqueue(point, false);
    try {
      done.get(options.deliveryTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      boolean wasQueued = remove(done);
      throw new DeviceTimeoutException(name + ": the tap at " + point + " was not delivered within " + human(options.deliveryTimeout())
          + (wasQueued ? " (still queued; removed)" : " (the device did not answer)")
          + "; raise stormproof.tap.deliveryTimeout or lower the tap rate");
    } catch (InterruptedException e) {
      remove(done);
      Thread.currentThread().interrupt();
      throw new TapCancelledException("interrupted while waiting for the tap at " + point + " on " + name);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        re.addSuppressed(new Exception("tap at " + point + " submitted here"));
        throw re;
      }
      throw new IllegalStateException(name + ": tap at " + point + " failed: " + cause, cause);
    }
  }

  /**
   * Drops every queued tap of {@code owner} and waits (up to the delivery timeout) until a tap of
   * {@code owner} being delivered has finished, so that afterwards nothing of the owner is queued
   * or in flight. A delivering tap is not interrupted.
   *
   * @param owner the owner whose taps to drop
   * @return how many queued taps were dropped
   */
  public int cancel(String owner) {
    int n;
    lock.lock();
    try {
      n = drop(owner, "its owner " + owner + " ended");
      // Queued taps are gone first, so the dispatcher cannot pick another one of this owner meanwhile.
      long left = options.deliveryTimeout().toNanos();
      while (owner.equals(inFlightOwner) && left > 0 && !closed) {
        try {
          left = idle.awaitNanos(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    } finally {
      lock.unlock();
    }
    return n;
  }

  /**
   * Cancels {@code owner}'s taps at once because its work failed: drops its queued taps and
   * refuses its later ones from any thread but {@code allowed} (the test thread, whose clean-up
   * may still tap), until {@link #unfence}. A tap being delivered completes. Never waits.
   *
   * @param owner the failed owner
   * @param allowed the one thread that may still queue taps of {@code owner}, or null for none
   * @return how many queued taps were dropped
   */
  public int fence(String owner, Thread allowed) {
    lock.lock();
    try {
      fenced.put(owner, allowed == null ? dispatcher : allowed);
      return drop(owner, "its owner " + owner + " failed");
    } finally {
      lock.unlock();
    }
  }

  /**
   * Lifts {@link #fence} for {@code owner} (its test ended and its taps were cancelled).
   *
   * @param owner the owner fenced before
   */
  public void unfence(String owner) {
    lock.lock();
    try {
      fenced.remove(owner);
    } finally {
      lock.unlock();
    }
  }

  private int drop(String owner, String why) {
    int n = 0;
    for (Iterator<Tap> it = queue.iterator(); it.hasNext(); ) {
      Tap t = it.next();
      if (t.owner().equals(owner)) {
        it.remove();
        n++;
        t.done().completeExceptionally(new TapCancelledException(
            "tap at " + t.point() + " on " + name + " was cancelled: " + why + " before it was delivered"));
      }
    }
    stats.cancelled += n;
    if (n > 0) {
      notFull.signalAll();
    }
    return n;
  }

  /**
   * Removes and returns the failures of {@code owner}'s taps queued with {@link #submit} (at most
   * {@value #MAX_KEPT_FAILURES} are kept in all; later ones are only counted in the metrics).
   *
   * @param owner whose failures to take
   * @return the failures, oldest first; empty when none
   */
  public List<Throwable> takeFailures(String owner) {
    lock.lock();
    try {
      List<Throwable> list = asyncFailures.remove(owner);
      if (list == null) {
        return List.of();
      }
      keptFailures -= list.size();
      return list;
    } finally {
      lock.unlock();
    }
  }

  /** @return counters and wait percentiles now */
  public TapMetrics metrics() {
    lock.lock();
    try {
      return stats.snapshot(queue.size());
    } finally {
      lock.unlock();
    }
  }

  private boolean remove(CompletableFuture<Void> done) {
    lock.lock();
    try {
      boolean removed = queue.removeIf(t -> t.done() == done);
      if (removed) {
        stats.cancelled++;
        notFull.signal();
        done.completeExceptionally(new TapCancelledException("tap on " + name + " was abandoned by its producer"));
      }
      return removed;
    } finally {
      lock.unlock();
    }
  }

  private void dispatch() {
    try {
      while (true) {
        lock.lock();
        try {
          while (queue.isEmpty() && !closed) {
            notEmpty.await();
          }
          if (closed) {
            return;
          }
        } finally {
          lock.unlock();
        }
        awaitToken();
        Tap tap;
        lock.lock();
        try {
          tap = queue.pollFirst();
          if (tap == null) {
            continue; // cancelled while we waited for the token; the token stays
          }
          inFlightOwner = tap.owner();
          notFull.signal();
        } finally {
          lock.unlock();
        }
        tokens -= 1;
        long startedAt = clock.nanoTime();
        Throwable failure = null;
        try {
          deliverer.deliver(tap.point());
        } catch (Throwable t) {
          failure = t;
        }
        record(tap, startedAt, failure);
        if (failure == null) {
          tap.done().complete(null);
        } else {
          tap.done().completeExceptionally(failure);
        }
        // Only now is the tap out of flight: cancel(owner) promises its caller that the owner's
        // tap in flight has finished, future included, when it returns.
        lock.lock();
        try {
          inFlightOwner = null;
          idle.signalAll();
        } finally {
          lock.unlock();
        }
      }
    } catch (InterruptedException e) {
      // close() interrupts a dispatcher that waits for work or for a token
    }
  }

  private void awaitToken() throws InterruptedException {
    while (true) {
      long now = clock.nanoTime();
      tokens = Math.min(options.burst(), tokens + (now - refilledAt) * options.rate() / 1e9);
      refilledAt = now;
      if (tokens >= 1 - 1e-9) {
        return;
      }
      long waitNanos = (long) Math.ceil((1 - tokens) * 1e9 / options.rate());
      clock.sleepUntil(now + waitNanos);
    }
  }

  private void record(Tap tap, long startedAt, Throwable failure) {
    boolean ok = failure == null;
    lock.lock();
    try {
      if (!ok && tap.async() && keptFailures < MAX_KEPT_FAILURES) {
        asyncFailures.computeIfAbsent(tap.owner(), k -> new ArrayList<>()).add(failure);
        keptFailures++;
      }
      stats.dispatched(startedAt - tap.enqueuedAt(), startedAt, ok);
    } finally {
      lock.unlock();
    }
  }

  /** Stops the dispatcher (joining it) and cancels every queued tap. Idempotent. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (!closed) {
        closed = true;
        for (Tap t : queue) {
          t.done().completeExceptionally(new TapCancelledException("tap at " + t.point() + " on " + name + " was cancelled: the tap queue closed"));
        }
        stats.cancelled += queue.size();
        queue.clear();
        notEmpty.signalAll();
        notFull.signalAll();
        idle.signalAll();
      }
    } finally {
      lock.unlock();
    }
    if (Thread.currentThread() != dispatcher) {
      dispatcher.interrupt();
      try {
        dispatcher.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static String human(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }
}
