package dev.stormproof.leak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The thread probe attributes: a thread bound to another test is not this test's growth, a
 * thread nobody owns is context under parallel execution (judged in strict mode or serially),
 * and a terminated thread never counts.
 */
class ThreadAttributionTest {

  private final Ledger ledger = new Ledger();
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<Thread> started = new ArrayList<>();

  @AfterEach
  void stopThreads() throws InterruptedException {
    release.countDown();
    for (Thread t : started) {
      t.join();
    }
  }

  private Thread waiting(String name, String owner) throws InterruptedException {
    CountDownLatch bound = new CountDownLatch(1);
    Thread t = new Thread(() -> {
      Owner.Binding b = owner == null ? null : Owner.bind(owner);
      bound.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        if (b != null) {
          b.close();
        }
      }
    }, name);
    t.setDaemon(true);
    t.start();
    started.add(t);
    bound.await();
    return t;
  }

  private Verdict judge(boolean parallel, LeakOptions options) throws InterruptedException {
    LeakGuardSession session = new LeakGuardSession("attribution", options
        .withWarmup(0).withSettle(Duration.ZERO).withStairWindow(0), ledger, parallel);
    session.iterationStarted("it");
    waiting("mine", "test-me");
    waiting("theirs", "test-other");
    waiting("nobodys", null);
    Thread done = new Thread(() -> { }, "terminated");
    done.start();
    done.join();
    return session.iterationFinished("test-me", "it", false);
  }

  @Test
  void underParallelExecutionOnlyTheTestsOwnThreadsAreJudged() throws InterruptedException {
    Verdict v = judge(true, LeakOptions.DEFAULTS);
    assertThat(v.outcome()).isEqualTo(Verdict.Outcome.LEAKED);
    String text = v.report().text();
    assertThat(text)
        .contains("\nWhat grew:\n  threads          +1 (baseline 0, now 1, tolerance 0) [owned by this test]\n")
        .contains("\nContext: other tests' threads: 1 (owned by tests running at the same time;"
            + " not this test's growth)\n")
        .contains("\nContext: process-wide counters are context, not a verdict, under parallel"
            + " execution (other tests grow them too); stormproof.leak.strict=true or"
            + " @LeakGuard(strict = true) judges them\n")
        .contains("unowned threads +1")
        .contains("  1 thread [WAITING] with this stack: mine\n")
        .doesNotContain("theirs").doesNotContain("terminated");
  }

  @Test
  void strictModeJudgesThreadsNobodyOwnsButNeverOtherTestsThreads() throws InterruptedException {
    // Native bytes are judged in strict mode; this JVM's churn is not what this test is about.
    Verdict v = judge(true, LeakOptions.DEFAULTS.withStrict(true)
        .withNativeBytesTolerance(Long.MAX_VALUE / 4).withJavacppTolerance(Long.MAX_VALUE / 4));
    String text = v.report().text();
    assertThat(text)
        .contains("\nWhat grew:\n  threads          +2 (baseline 0, now 2, tolerance 0) [process-wide]\n")
        .contains("\nContext: other tests' threads: 1 (owned by tests running at the same time;"
            + " not this test's growth)\n")
        .doesNotContain("process-wide counters are context")
        .contains("  2 threads [WAITING] with this stack: mine, nobodys\n")
        .doesNotContain("theirs").doesNotContain("terminated");
  }

  @Test
  void aThreadOfAnotherTestIsNoLeakOfThisOne() throws InterruptedException {
    LeakGuardSession session = new LeakGuardSession("others", LeakOptions.DEFAULTS
        .withWarmup(0).withSettle(Duration.ZERO).withStairWindow(0), ledger, true);
    session.iterationStarted("it");
    waiting("theirs-only", "test-other");
    Verdict v = session.iterationFinished("test-me", "it", false);
    assertThat(v.outcome()).isEqualTo(Verdict.Outcome.CLEAN);
    assertThat(v.report().text()).contains("Within tolerance: threads +0, native buffers +0, tasks +0\n");
  }
}
