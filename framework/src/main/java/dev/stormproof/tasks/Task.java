package dev.stormproof.tasks;

import dev.stormproof.leak.Ledger;
import dev.stormproof.leak.Owner;
import dev.stormproof.leak.TrackingPointerScope;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The handle of one task forked in a {@link TaskScope}: a {@link Future} with a number, a
 * thread name and its fork site. {@link #isDone()} is true once a result or failure is known;
 * {@link #finished()} only once the task's thread has actually stopped (which is what the scope
 * joins on). Thread-safe.
 *
 * @param <T> the result type
 */
public final class Task<T> implements Future<T>, dev.stormproof.leak.Inspectable {

  /** Where a task is in its life. */
  public enum State {
    /** Started; no result yet. */
    RUNNING,
    /** The body returned. */
    SUCCEEDED,
    /** The body threw. */
    FAILED,
    /** Cancelled before a result was known. */
    CANCELLED
  }

  private final TaskScope scope;
  private final int number;
  private final String name;
  private final StackTraceElement[] forkSite;
  private final Callable<T> body;
  private final CompletableFuture<T> result = new CompletableFuture<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile Thread thread;
  private volatile State state = State.RUNNING;
  private volatile Ledger.Entry entry;

  Task(TaskScope scope, int number, String name, StackTraceElement[] forkSite, Callable<T> body) {
    this.scope = scope;
    this.number = number;
    this.name = name;
    this.forkSite = forkSite;
    this.body = body;
  }

  void start(Thread t, Ledger.Entry e) {
    thread = t;
    entry = e;
    t.start();
  }

  void run() {
    try (Owner.Binding b = Owner.bind(scope.owner());
        TrackingPointerScope natives = new TrackingPointerScope(scope.ledger(), scope.owner(),
            scope.options().sites())) {
      if (state == State.CANCELLED) {
        return;
      }
      T value = body.call();
      if (result.complete(value)) {
        state = State.SUCCEEDED;
      }
    } catch (Throwable t) {
      if (t instanceof CancellationException && scope.isCancelled()) {
        // Its work (a tap, say) was cancelled with the scope before the interrupt reached it.
        cancel(false);
      }
      if (state == State.CANCELLED) {
        scope.afterCancelled(this, t);
      } else if (result.completeExceptionally(t)) {
        state = State.FAILED;
        scope.failed(this, t);
      }
    } finally {
      entry.release();
      stopped.countDown();
    }
  }

  /** Cancels the task: completes it as cancelled and interrupts its thread. */
  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    if (!result.completeExceptionally(new CancellationException(label() + " was cancelled"))) {
      return false;
    }
    state = State.CANCELLED;
    Thread t = thread;
    if (mayInterruptIfRunning && t != null) {
      t.interrupt();
    }
    return true;
  }

  @Override
  public boolean isCancelled() {
    return state == State.CANCELLED;
  }

  @Override
  public boolean isDone() {
    return result.isDone();
  }

  @Override
  public T get() throws InterruptedException, ExecutionException {
    return result.get();
  }

  @Override
  public T get(long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    return result.get(timeout, unit);
  }

  /**
   * Waits until the task's thread has stopped.
   *
   * @param nanos longest wait
   * @return true when it stopped within the time
   * @throws InterruptedException when the waiting thread was interrupted
   */
  public boolean awaitStopped(long nanos) throws InterruptedException {
    return stopped.await(nanos, TimeUnit.NANOSECONDS);
  }

  /** @return true once the task's thread has stopped */
  public boolean finished() {
    return stopped.getCount() == 0;
  }

  /** @return where the task is in its life */
  public State state() {
    return state;
  }

  /** @return the task's number, 1-based, in fork order within the scope */
  public int number() {
    return number;
  }

  /** @return the thread name, {@code stormproof-task-<scope>-<n>} */
  public String name() {
    return name;
  }

  /** @return where {@code fork} was called, innermost frame first */
  public List<StackTraceElement> forkSite() {
    return List.of(forkSite);
  }

  StackTraceElement[] forkSiteArray() {
    return forkSite.clone();
  }

  /** @return the task's current stack; empty once stopped */
  public List<StackTraceElement> currentStack() {
    Thread t = thread;
    return t == null || finished() ? List.of() : List.of(t.getStackTrace());
  }

  Thread.State threadState() {
    Thread t = thread;
    return t == null ? Thread.State.NEW : t.getState();
  }

  @Override
  public String liveState() {
    return state + ", thread " + threadState();
  }

  @Override
  public List<StackTraceElement> liveStack() {
    return currentStack();
  }

  /** @return a label for messages, for example {@code task #3 (stormproof-task-x-3)} */
  public String label() {
    return "task #" + number + " (" + name + ")";
  }

  @Override
  public String toString() {
    return label() + " " + state;
  }
}
