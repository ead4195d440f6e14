package dev.stormproof.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormproof.leak.Ledger;
import dev.stormproof.leak.Owner;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TaskScopeTest {

  private final Ledger ledger = new Ledger();

  private TaskScope scope(String name) {
    return TaskScope.open(name, "test-owner", ledger, TaskScopeOptions.DEFAULTS
        .withCloseTimeout(Duration.ofSeconds(5)).withCancelGrace(Duration.ofMillis(200)));
  }

  @Test
  void joinWaitsForTasksThatTasksForkedWhileItWaited() throws Exception {
    CountDownLatch parentMayFork = new CountDownLatch(1);
    CountDownLatch childRuns = new CountDownLatch(1);
    java.util.concurrent.atomic.AtomicBoolean childFinished = new java.util.concurrent.atomic.AtomicBoolean();
    try (TaskScope scope = scope("nested")) {
      scope.fork(() -> {
        parentMayFork.await();
        scope.fork(() -> {
          childRuns.await();
          childFinished.set(true);
          return null;
        });
        return null;
      });
      Thread joiner = new Thread(() -> {
        try {
          scope.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "joiner");
      joiner.start();
      // Fork the child only once join() took its first look and waits on the parent.
      org.awaitility.Awaitility.await().until(() -> joiner.getState() == Thread.State.WAITING
          || joiner.getState() == Thread.State.TIMED_WAITING);
      parentMayFork.countDown();
      org.awaitility.Awaitility.await().until(() -> scope.tasks().size() == 2);
      assertThat(joiner.isAlive()).as("join() returned while the child still ran").isTrue();
      childRuns.countDown();
      joiner.join();
      assertThat(childFinished).isTrue();
    }
  }

  @Test
  void ownerBindingsClosedOutOfOrderLeaveNoStaleOwner() {
    Owner.Binding first = Owner.bind("test-1");
    Owner.Binding second = Owner.bind("test-1");
    first.close(); // out of order: the outer binding closes first
    second.close();
    assertThat(Owner.current()).isEqualTo(Owner.NONE);
  }

  @Test
  void firstFailureCancelsTheSiblingsAndCarriesTheForkSite() throws Exception {
    CountDownLatch siblingBlocked = new CountDownLatch(1);
    TaskScope scope = scope("errgroup");
    Task<Object> sibling = scope.fork(() -> {
      siblingBlocked.countDown();
      return new LinkedBlockingQueue<>().take(); // blocked until cancelled
    });
    siblingBlocked.await();
    int forkLine = new Throwable().getStackTrace()[0].getLineNumber() + 1;
    scope.fork(() -> { throw new IllegalStateException("boom"); });

    assertThatThrownBy(scope::join)
        .isInstanceOf(TaskFailedException.class)
        .hasMessage("task #2 (stormproof-task-errgroup-2) of scope 'errgroup' failed:"
            + " java.lang.IllegalStateException: boom; forked at"
            + " dev.stormproof.tasks.TaskScopeTest.firstFailureCancelsTheSiblingsAndCarriesTheForkSite"
            + "(TaskScopeTest.java:" + forkLine + ")")
        .hasCauseInstanceOf(IllegalStateException.class)
        .satisfies(e -> assertThat(e.getStackTrace()[0].getLineNumber()).isEqualTo(forkLine));
    assertThat(sibling.isCancelled()).isTrue();
    assertThat(sibling.state()).isEqualTo(Task.State.CANCELLED);
    scope.close(); // failure already reported by join: close is quiet
    assertThat(sibling.finished()).isTrue();
    assertThat(ledger.live()).isEmpty();
  }

  @Test
  void closeJoinsUnjoinedTasksAndBindsTheOwner() {
    CountDownLatch go = new CountDownLatch(1);
    AtomicReference<String> seenOwner = new AtomicReference<>();
    AtomicReference<String> seenThread = new AtomicReference<>();
    Task<String> task;
    try (TaskScope scope = scope("closing")) {
      task = scope.fork(() -> {
        go.await();
        seenOwner.set(Owner.current());
        seenThread.set(Thread.currentThread().getName());
        return "done";
      });
      assertThat(ledger.live("test-owner")).hasSize(1);
      assertThat(ledger.live("test-owner").get(0).kind()).isEqualTo(Ledger.Kind.TASK);
      go.countDown();
    }
    assertThat(task.finished()).isTrue();
    assertThat(task.state()).isEqualTo(Task.State.SUCCEEDED);
    assertThat(seenOwner.get()).isEqualTo("test-owner");
    assertThat(seenThread.get()).isEqualTo("stormproof-task-closing-1");
    assertThat(ledger.live()).isEmpty();
  }

  @Test
  void aFailureNobodyJoinedIsThrownByClose() {
    TaskScope scope = scope("unjoined");
    Task<Void> t = scope.fork(() -> { throw new IllegalArgumentException("lost?"); });
    assertThatThrownBy(scope::close).isInstanceOf(TaskFailedException.class)
        .hasMessageContaining("task #1 (stormproof-task-unjoined-1) of scope 'unjoined' failed:"
            + " java.lang.IllegalArgumentException: lost?; forked at")
        .hasRootCauseMessage("lost?");
    assertThat(t.state()).isEqualTo(Task.State.FAILED);
  }

  @Test
  void aDeadlineSetWithATimeoutIsPrintedAsTheTimeoutAndTheClockTime() throws Exception {
    TaskScope scope = scope("readable").withDeadline(java.time.Duration.ofMillis(1500));
    CountDownLatch never = new CountDownLatch(1);
    scope.fork(() -> {
      never.await();
      return null;
    });
    assertThatThrownBy(scope::join)
        .isInstanceOf(TaskTimeoutException.class)
        .hasMessageMatching("(?s)1 task\\(s\\) of scope 'readable' still running at the deadline "
            + "\\(withDeadline\\(1\\.500s\\), \\d\\d:\\d\\d:\\d\\d\\.\\d{3} UTC\\) were cancelled:\n.*");
    scope.close();
    assertThat(TaskScope.readable(java.time.Duration.ofSeconds(1))).isEqualTo("1s");
    assertThat(TaskScope.readable(java.time.Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(TaskScope.readable(java.time.Duration.ofSeconds(125))).isEqualTo("2m 5s");
  }

  @Test
  void deadlineCancelsWhatIsStillRunning() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    TaskScope scope = scope("deadline");
    Task<Object> slow = scope.fork(() -> {
      started.countDown();
      return new LinkedBlockingQueue<>().take();
    });
    started.await();
    awaitWaiting(slow);
    assertThatThrownBy(() -> scope.joinUntil(Instant.now()))
        .isInstanceOf(TaskTimeoutException.class)
        .hasMessageMatching("(?s)1 task\\(s\\) of scope 'deadline' still running at the deadline "
            + "\\(\\d\\d:\\d\\d:\\d\\d\\.\\d{3} UTC\\) were cancelled:\n.*")
        .hasMessageContaining("were cancelled:\n  task #1 (stormproof-task-deadline-1) [")
        .hasMessageContaining("LinkedBlockingQueue.take(");
    assertThat(slow.isCancelled()).isTrue();
    scope.close();
    assertThat(slow.finished()).isTrue();
  }

  @Test
  void withDeadlineBoundsJoin() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    TaskScope scope = scope("bounded").withDeadline(Duration.ZERO);
    scope.fork(() -> {
      started.countDown();
      return new LinkedBlockingQueue<>().take();
    });
    started.await();
    assertThatThrownBy(scope::join).isInstanceOf(TaskTimeoutException.class);
    scope.close(); // already reported by join: the cancelled task may still be unwinding
  }

  @Test
  void closeCancelsWhatOutlivesTheCloseTimeoutAndSaysSo() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    TaskScope scope = TaskScope.open("slow", "test-owner", ledger, TaskScopeOptions.DEFAULTS
        .withCloseTimeout(Duration.ZERO).withCancelGrace(Duration.ofSeconds(5)));
    Task<Object> slow = scope.fork(() -> {
      started.countDown();
      return new LinkedBlockingQueue<>().take();
    });
    started.await();
    awaitWaiting(slow);
    assertThatThrownBy(scope::close).isInstanceOf(TaskTimeoutException.class)
        .hasMessageStartingWith("1 task(s) of scope 'slow' were still running when close gave up"
            + " waiting (close timeout 0 ms) and were cancelled; join them in the test, or give"
            + " them a deadline:\n  task #1 (stormproof-task-slow-1) [WAITING]\n")
        .hasMessageContaining("LinkedBlockingQueue.take(");
    assertThat(slow.finished()).isTrue();
    assertThat(ledger.live()).isEmpty();
  }

  @Test
  void aTaskIgnoringCancellationIsReportedNotAbandoned() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
    TaskScope scope = TaskScope.open("stubborn", "test-owner", ledger, TaskScopeOptions.DEFAULTS
        .withCloseTimeout(Duration.ZERO).withCancelGrace(Duration.ofMillis(100)));
    Task<Void> task = scope.fork(() -> {
      started.countDown();
      while (true) {
        try {
          if ("stop".equals(queue.take())) {
            return;
          }
        } catch (InterruptedException ignored) {
          // the bug under test: swallows cancellation
        }
      }
    });
    started.await();
    awaitWaiting(task);
    assertThatThrownBy(scope::close).isInstanceOf(TasksStuckException.class)
        .hasMessageStartingWith("1 task(s) of scope 'stubborn' ignored cancellation and were"
            + " still alive 100 ms later; they stay in the ledger as leaked tasks:\n"
            + "  task #1 (stormproof-task-stubborn-1) [")
        .hasMessageContaining("LinkedBlockingQueue.take(")
        .hasMessageContaining("    forked at:\n      at dev.stormproof.tasks.TaskScopeTest.");
    assertThat(ledger.live("test-owner")).hasSize(1);
    queue.put("stop");
    assertThat(task.awaitStopped(Duration.ofSeconds(10).toNanos())).isTrue();
    assertThat(ledger.live()).isEmpty();
  }

  /** The task's thread is parked in take(): only then is its stack deterministic. */
  private static void awaitWaiting(Task<?> task) {
    org.awaitility.Awaitility.await().until(() -> task.liveState().endsWith("thread WAITING"));
  }

  @Test
  void forkAfterCloseIsRefused() {
    TaskScope scope = scope("done");
    scope.close();
    assertThatThrownBy(() -> scope.fork(() -> 1)).isInstanceOf(IllegalStateException.class)
        .hasMessage("TaskScope 'done' is closed; fork tasks before the scope (the test) ends,"
            + " or open a new scope");
  }

  @Test
  void threadFactoryRecordsCreationSiteUntilTheThreadEnds() throws Exception {
    StormproofThreadFactory factory = new StormproofThreadFactory("adb-reader", ledger);
    CountDownLatch release = new CountDownLatch(1);
    Thread t;
    try (Owner.Binding b = Owner.bind("factory-owner")) {
      t = factory.newThread(() -> {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
    t.start();
    assertThat(t.getName()).isEqualTo("adb-reader-1");
    assertThat(t.isDaemon()).isTrue();
    Ledger.Entry e = ledger.find(t).orElseThrow();
    assertThat(e.owner()).isEqualTo("factory-owner");
    assertThat(e.site()[0].getMethodName())
        .isEqualTo("threadFactoryRecordsCreationSiteUntilTheThreadEnds");
    release.countDown();
    t.join();
    assertThat(ledger.find(t)).isEmpty();
  }

  @Test
  void cancelInterruptsTasksRunsTheHooksOnceAndCancelsLaterForks() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    LinkedBlockingQueue<String> hookRuns = new LinkedBlockingQueue<>();
    TaskScope scope = scope("cancelled").onCancel(() -> hookRuns.add("hook"));
    Task<Void> blocked = scope.fork(() -> {
      running.countDown();
      new CountDownLatch(1).await(); // only an interrupt ends it
      return null;
    });
    running.await();
    scope.cancel();
    scope.cancel();
    assertThat(blocked.awaitStopped(Long.MAX_VALUE)).isTrue();
    assertThat(blocked.state()).isEqualTo(Task.State.CANCELLED);
    assertThat(scope.fork(() -> { }).isCancelled()).isTrue();
    assertThat(hookRuns).containsExactly("hook");
    scope.close(); // cancelled tasks that stopped are no timeout, no failure
  }

  @Test
  void aTaskFailureRunsTheCancelHooksOnItsThread() {
    LinkedBlockingQueue<String> hookThreads = new LinkedBlockingQueue<>();
    TaskScope scope = scope("failing")
        .onCancel(() -> hookThreads.add(Thread.currentThread().getName()));
    scope.fork(() -> { throw new IllegalStateException("boom"); });
    assertThatThrownBy(scope::close).isInstanceOf(TaskFailedException.class);
    assertThat(hookThreads).containsExactly("stormproof-task-failing-1");
    assertThat(scope.isCancelled()).isTrue();
    // A hook added after the cancellation runs at once.
    scope.onCancel(() -> hookThreads.add("late"));
    assertThat(hookThreads).containsExactly("stormproof-task-failing-1", "late");
  }

  @Test
  void virtualThreadsAreDetectedAtRuntime() {
    assertThat(Threads.virtualAvailable()).isEqualTo(Runtime.version().feature() >= 21);
  }
}
