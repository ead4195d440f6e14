package dev.stormproof.tasks;

import dev.stormproof.leak.Ledger;
import dev.stormproof.leak.Owner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Structured concurrency bound to a test (an errgroup with a context): tasks are
 * {@linkplain #fork forked} into the scope, the first failure cancels every sibling, and when the
 * scope {@linkplain #close closes} every task is done or cancelled and its thread joined.
 *
 * <ul>
 *   <li>Threads: one per task, named {@code stormproof-task-<scope>-<n>}; virtual threads where
 *       the JVM has them (Java 21+), platform daemon threads otherwise. Each task runs with the
 *       scope's {@link Owner} bound and a {@link dev.stormproof.leak.TrackingPointerScope} open,
 *       and is tracked in the {@link Ledger} as {@link Ledger.Kind#TASK} with its fork site until
 *       its thread stops.</li>
 *   <li>Failures: a task's exception is never lost. {@link #join} and {@link #close} throw a
 *       {@link TaskFailedException} for the first failure (its stack trace is the fork site, its
 *       cause the task's exception); later failures are suppressed exceptions of it.</li>
 *   <li>Deadline: {@link #withDeadline} bounds {@link #join()} and {@link #close()};
 *       {@link #joinUntil} bounds one join. Past it, running tasks are cancelled and a
 *       {@link TaskTimeoutException} lists them. There is no watchdog thread: the deadline is
 *       enforced by whoever joins.</li>
 *   <li>Close: waits up to {@link TaskScopeOptions#closeTimeout()} for unjoined tasks, cancels
 *       the rest, allows {@link TaskScopeOptions#cancelGrace()} for them to stop, and throws
 *       {@link TasksStuckException} naming every task that ignored the interrupt (with its
 *       stack) rather than abandoning it silently.</li>
 * </ul>
 *
 * <p>{@code fork} is thread-safe (tasks may fork siblings); {@code join} and {@code close} are
 * meant for the owning thread. Forking after close throws {@link IllegalStateException}.
 *
 * <p>Under JUnit, {@code @OnDevice} injects one per test and closes it after the test:
 * <pre>{@code
 * @Test
 * void tapsInParallel(Device device, TaskScope tasks) throws InterruptedException {
 *   for (int i = 0; i < 100; i++) {
 *     tasks.fork(() -> device.tap(Point.of(540, 1200)));
 *   }
 *   tasks.join(); // rethrows the first failure, with its fork site
 * }
 * }</pre>
 */
public final class TaskScope implements AutoCloseable {

  private final String name;
  private final String owner;
  private final Ledger ledger;
  private final TaskScopeOptions options;
  private final List<Task<?>> tasks = new CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.AtomicInteger forks =
      new java.util.concurrent.atomic.AtomicInteger();
  /** Tasks added to {@link #tasks}; joins repeat until it stops changing (tasks fork siblings). */
  private final java.util.concurrent.atomic.AtomicInteger added =
      new java.util.concurrent.atomic.AtomicInteger();
  private final AtomicReference<Failure> firstFailure = new AtomicReference<>();
  private final List<Throwable> laterFailures = new CopyOnWriteArrayList<>();
  private final List<Runnable> cancelHooks = new CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.AtomicBoolean cancelled =
      new java.util.concurrent.atomic.AtomicBoolean();
  private volatile boolean closed;
  private volatile boolean failureReported;
  private static final java.time.format.DateTimeFormatter CLOCK =
      java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(java.time.ZoneOffset.UTC);

  private volatile Instant deadline;
  private volatile Duration deadlineTimeout;

  private record Failure(Task<?> task, Throwable error) {}

  private TaskScope(String name, String owner, Ledger ledger, TaskScopeOptions options) {
    this.name = name;
    this.owner = owner;
    this.ledger = ledger;
    this.options = options;
  }

  /**
   * A scope owned by the thread's current {@link Owner}, with its own ledger and default options.
   * The caller closes it.
   *
   * @param name names the task threads; not blank
   * @return the scope
   * @throws IllegalArgumentException when {@code name} is blank
   */
  public static TaskScope open(String name) {
    return open(name, Owner.current(), new Ledger(), TaskScopeOptions.DEFAULTS);
  }

  /**
   * A scope whose tasks are attributed to {@code owner} and tracked in {@code ledger}. The
   * caller closes it.
   *
   * @param name names the task threads; not blank
   * @param owner the owner tasks run with
   * @param ledger where tasks are tracked while they run
   * @param options close timeout, cancel grace, thread kind
   * @return the scope
   * @throws IllegalArgumentException when {@code name} is blank
   */
  public static TaskScope open(String name, String owner, Ledger ledger, TaskScopeOptions options) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("TaskScope name must not be blank, was '" + name
          + "'; pass the test's name, it names the task threads");
    }
    return new TaskScope(name.replaceAll("[^A-Za-z0-9_.\\[\\]#-]+", "_"), owner, ledger, options);
  }

  /**
   * Sets the scope's deadline, bounding {@link #join()} and {@link #close()}.
   *
   * @param timeout from now; zero or positive
   * @return this scope
   * @throws IllegalArgumentException when {@code timeout} is null or negative
   */
  public TaskScope withDeadline(Duration timeout) {
    if (timeout == null || timeout.isNegative()) {
      throw new IllegalArgumentException("TaskScope deadline must be zero or positive, was "
          + timeout + "; pass a duration like Duration.ofSeconds(5)");
    }
    deadline = Instant.now().plus(timeout);
    deadlineTimeout = timeout;
    return this;
  }

  /**
   * Starts {@code body} on a new task thread. If a sibling already failed, the task is cancelled
   * at once.
   *
   * @param <T> the result type
   * @param body the work; an exception it throws fails the scope
   * @return the task's handle; its value is {@code body}'s result
   * @throws IllegalStateException when the scope is closed
   */
  public <T> Task<T> fork(Callable<T> body) {
    if (closed) {
      throw new IllegalStateException("TaskScope '" + name + "' is closed; fork tasks before the "
          + "scope (the test) ends, or open a new scope");
    }
    int number = forks.incrementAndGet();
    String threadName = "stormproof-task-" + name + "-" + number;
    StackTraceElement[] site = forkSite();
    Task<T> task = new Task<>(this, number, threadName, site, body);
    tasks.add(task);
    added.incrementAndGet();
    Ledger.Entry entry = ledger.track(Ledger.Kind.TASK, task, owner, task.label(), 0, site);
    if (firstFailure.get() != null || cancelled.get()) {
      task.cancel(true); // before it starts: its body must not run at all
    }
    try {
      task.start(Threads.unstarted(threadName, task::run, options.virtualThreads()), entry);
    } catch (RuntimeException | Error e) {
      // No thread (e.g. "unable to create native thread"): no phantom task for close() to wait on.
      tasks.remove(task);
      entry.release();
      throw e;
    }
    if (firstFailure.get() != null || closed || cancelled.get()) {
      // Forked after the group failed, or racing close(): the context is already cancelled.
      // close() still joins it: its wait repeats while tasks are being added.
      task.cancel(true);
    }
    return task;
  }

  /**
   * Like {@link #fork(Callable)} for work without a result.
   *
   * @param body the work; an exception it throws fails the scope
   * @return the task's handle; its value is null
   * @throws IllegalStateException when the scope is closed
   */
  public Task<Void> fork(Runnable body) {
    return fork(() -> {
      body.run();
      return null;
    });
  }

  /**
   * Waits for every task (up to the deadline, if set).
   *
   * @throws TaskFailedException when a task failed (first failure; the others suppressed)
   * @throws TaskTimeoutException when the deadline passed; running tasks were cancelled
   * @throws InterruptedException when the joining thread was interrupted (tasks keep running)
   */
  public void join() throws InterruptedException {
    Instant d = deadline;
    Duration t = deadlineTimeout;
    join(d == null ? Instant.MAX : d, t == null ? null : "withDeadline(" + readable(t) + ")");
  }

  /** {@code 1s}, {@code 250ms}, {@code 2m 5s}: how people write timeouts, not {@code PT1S}. */
  static String readable(Duration d) {
    if (d.toMillis() < 1000) {
      return d.toMillis() + "ms";
    }
    long s = d.toSeconds();
    long ms = d.toMillisPart();
    String base = s >= 60 ? (s / 60) + "m" + (s % 60 == 0 ? "" : " " + (s % 60) + "s") : s + "s";
    return ms == 0 ? base : (s >= 60 ? base + " " + ms + "ms" : String.format(java.util.Locale.ROOT, "%.3fs", d.toMillis() / 1000.0));
  }

  /**
   * {@link #join()} with its own deadline.
   *
   * @param until when to stop waiting and cancel what still runs
   * @throws TaskFailedException when a task failed (first failure; the others suppressed)
   * @throws TaskTimeoutException when {@code until} passed; running tasks were cancelled
   * @throws InterruptedException when the joining thread was interrupted (tasks keep running)
   */
  public void joinUntil(Instant until) throws InterruptedException {
    join(until, null);
  }

  private void join(Instant until, String setBy) throws InterruptedException {
    List<Task<?>> late = awaitAll(until);
    if (!late.isEmpty()) {
      String described = describe(late); // before cancelling: the stacks show where they hung
      late.forEach(t -> t.cancel(true));
      throwIfFailed();
      throw new TaskTimeoutException(late.size() + " task(s) of scope '" + name
          + "' still running at the deadline (" + (setBy == null ? "" : setBy + ", ")
          + CLOCK.format(until) + " UTC) were cancelled:\n" + described);
    }
    throwIfFailed();
  }

  /**
   * Cancels the scope now, as a failure of its owner does: every task still running is cancelled
   * and interrupted, tasks forked later are cancelled at once, and the {@link #onCancel} hooks
   * run (once). Close still waits for the interrupted tasks, up to the close timeout, and names
   * those that ignore the interrupt.
   */
  public void cancel() {
    cancelled.set(true);
    runCancelHooks(); // first: an interrupted task must find its taps refused already
    tasks.forEach(t -> t.cancel(true));
  }

  /**
   * Registers {@code hook} to run once when the scope is cancelled: by {@link #cancel()} or by
   * the first task failure (on the failing task's thread). The JUnit layer cancels the test's
   * queued taps with it. Runs at once when the scope is already cancelled.
   *
   * @param hook what to cancel besides the tasks; its exception is kept as a later failure
   * @return this scope
   */
  public TaskScope onCancel(Runnable hook) {
    cancelHooks.add(hook);
    if (cancelled.get() && cancelHooks.remove(hook)) {
      runHook(hook);
    }
    return this;
  }

  /**
   * Whether the scope was cancelled.
   *
   * @return true after {@link #cancel()} or a task failure
   */
  public boolean isCancelled() {
    return cancelled.get();
  }

  private void runCancelHooks() {
    for (Runnable hook : cancelHooks) {
      if (cancelHooks.remove(hook)) { // each hook once, even when cancel and a failure race
        runHook(hook);
      }
    }
  }

  private void runHook(Runnable hook) {
    try {
      hook.run();
    } catch (RuntimeException e) {
      laterFailures.add(e);
    }
  }

  /** @return every task forked so far, in fork order; a copy */
  public List<Task<?>> tasks() {
    return List.copyOf(tasks);
  }

  /**
   * Joins every task (bounded), cancels stragglers, and reports what went wrong. Idempotent.
   *
   * @throws TaskFailedException when a task failed and no {@code join} reported it yet
   * @throws TaskTimeoutException when tasks were still running after the close timeout
   * @throws TasksStuckException when cancelled tasks did not stop within the grace period
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    boolean interrupted = false;
    List<Task<?>> late;
    Instant until = Instant.now().plus(options.closeTimeout());
    Instant d = deadline;
    boolean boundedByDeadline = d != null && d.isBefore(until);
    if (boundedByDeadline) {
      until = d;
    }
    try {
      late = awaitAll(until);
    } catch (InterruptedException e) {
      interrupted = true; // the closer was interrupted: cancel now, restore the flag at the end
      late = running();
    }
    List<Task<?>> stuck = List.of();
    String lateDescribed = late.isEmpty() ? "" : describe(late);
    // Only tasks that close itself had to cancel are "late"; ones a failure or a join deadline
    // already cancelled were reported there and may just be unwinding.
    List<Task<?>> cancelledByClose = new ArrayList<>();
    if (!late.isEmpty()) {
      for (Task<?> t : late) {
        if (t.cancel(true)) {
          cancelledByClose.add(t);
        }
      }
      try {
        stuck = awaitStopped(late, Instant.now().plus(options.cancelGrace()));
      } catch (InterruptedException e) {
        interrupted = true;
        stuck = running();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (!stuck.isEmpty()) {
      TasksStuckException e = new TasksStuckException(stuck.size() + " task(s) of scope '" + name
          + "' ignored cancellation and were still alive " + options.cancelGrace().toMillis()
          + " ms later; they stay in the ledger as leaked tasks:\n" + describe(stuck));
      Failure f = firstFailure.get();
      if (f != null && !failureReported) {
        e.addSuppressed(failedException(f));
      }
      throw e;
    }
    throwIfFailed();
    if (!cancelledByClose.isEmpty()) {
      throw new TaskTimeoutException(cancelledByClose.size() + " task(s) of scope '" + name
          + "' were still running when close gave up waiting (" + (boundedByDeadline
              ? "the scope's deadline " + d : "close timeout " + options.closeTimeout().toMillis()
              + " ms") + ") and were cancelled; join them in the test, or give them a deadline:\n"
          + describe(cancelledByClose, lateDescribed));
    }
  }

  String owner() {
    return owner;
  }

  Ledger ledger() {
    return ledger;
  }

  TaskScopeOptions options() {
    return options;
  }

  /** @return the scope's name as used in thread names (unsafe characters replaced) */
  public String name() {
    return name;
  }

  void failed(Task<?> task, Throwable error) {
    if (firstFailure.compareAndSet(null, new Failure(task, error))) {
      cancelled.set(true);
      runCancelHooks();
      for (Task<?> sibling : tasks) {
        if (sibling != task) {
          sibling.cancel(true);
        }
      }
    } else {
      laterFailures.add(error);
    }
  }

  void afterCancelled(Task<?> task, Throwable error) {
    // An interrupt after cancel is the expected way out; anything else is a real failure too.
    if (!(error instanceof InterruptedException)
        && !(error instanceof java.util.concurrent.CancellationException)
        && !(error instanceof java.nio.channels.ClosedByInterruptException)) {
      laterFailures.add(error);
    }
  }

  private void throwIfFailed() {
    Failure f = firstFailure.get();
    if (f != null && !failureReported) {
      failureReported = true;
      throw failedException(f);
    }
  }

  private TaskFailedException failedException(Failure f) {
    Task<?> t = f.task();
    StackTraceElement[] site = t.forkSiteArray();
    TaskFailedException e = new TaskFailedException(t.number(), t.label() + " of scope '" + name
        + "' failed: " + f.error() + "; forked at " + (site.length > 0 ? site[0] : "(unknown)"),
        f.error(), site);
    laterFailures.forEach(e::addSuppressed);
    return e;
  }

  private List<Task<?>> awaitAll(Instant until) throws InterruptedException {
    // Tasks may fork siblings while we wait: wait again until no task was added meanwhile.
    while (true) {
      int seen = added.get();
      List<Task<?>> late = awaitStopped(tasks(), until);
      if (!late.isEmpty() || added.get() == seen) {
        return late;
      }
    }
  }

  private static List<Task<?>> awaitStopped(List<Task<?>> all, Instant until)
      throws InterruptedException {
    List<Task<?>> late = new ArrayList<>();
    for (Task<?> t : all) {
      long left = until == Instant.MAX ? Long.MAX_VALUE
          : Math.max(0, Duration.between(Instant.now(), until).toNanos());
      if (!t.awaitStopped(left)) {
        late.add(t);
      }
    }
    return late;
  }

  private List<Task<?>> running() {
    List<Task<?>> r = new ArrayList<>();
    for (Task<?> t : tasks) {
      if (!t.finished()) {
        r.add(t);
      }
    }
    return r;
  }

  /** The part of {@code described} (a {@link #describe} text) about {@code only}'s tasks. */
  private static String describe(List<Task<?>> only, String described) {
    StringBuilder out = new StringBuilder();
    for (String block : described.split("(?m)(?=^  task #)", -1)) {
      for (Task<?> t : only) {
        if (block.startsWith("  " + t.label() + " [")) {
          out.append(block.stripTrailing()).append('\n');
        }
      }
    }
    return out.toString();
  }

  /** Each task with state, fork site and current stack. */
  static String describe(List<Task<?>> list) {
    StringBuilder out = new StringBuilder();
    for (Task<?> t : list) {
      out.append("  ").append(t.label()).append(" [").append(t.threadState()).append("]\n");
      List<StackTraceElement> stack = t.currentStack();
      for (int i = 0; i < Math.min(12, stack.size()); i++) {
        out.append("      at ").append(stack.get(i)).append('\n');
      }
      out.append("    forked at:\n");
      List<StackTraceElement> site = t.forkSite();
      for (int i = 0; i < Math.min(8, site.size()); i++) {
        out.append("      at ").append(site.get(i)).append('\n');
      }
    }
    return out.toString();
  }

  private static StackTraceElement[] forkSite() {
    StackTraceElement[] full = new Throwable().getStackTrace();
    int from = 0;
    while (from < full.length && (full[from].getClassName().equals(TaskScope.class.getName())
        || full[from].getClassName().equals(Task.class.getName()))) {
      from++;
    }
    return Ledger.userFrames(full, from, 24);
  }
}
