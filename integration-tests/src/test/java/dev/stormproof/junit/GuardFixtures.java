package dev.stormproof.junit;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

import dev.stormproof.tasks.TaskScope;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Clean, ordering and misuse fixtures run through EngineTestKit by {@link LeakGuardTest}. */
final class GuardFixtures {

  static final List<Pointer> STAIRS = new CopyOnWriteArrayList<>();
  static final List<Thread> STAIR_THREADS = new CopyOnWriteArrayList<>();
  static final List<Mat> HELD_FOR_CLASS = new CopyOnWriteArrayList<>();

  private GuardFixtures() {}

  /** Three iterations of closed work: the clean line and chart of a passing guarded test. */
  @LeakGuard(warmup = 1)
  static class CleanThree {
    @RepeatedTest(3)
    void repeated() {
      try (Mat m = new Mat(8, 8, CV_8UC1)) {
        m.rows();
      }
    }
  }

  /** Tiny real work per iteration: a Mat closed, a task joined, a thread joined. */
  @LeakGuard
  static class Clean {
    @RepeatedTest(100)
    void repeated(TaskScope tasks) throws Exception {
      try (Mat m = new Mat(8, 8, CV_8UC1)) {
        tasks.fork(() -> {
          try (Mat inTask = new Mat(4, 4, CV_8UC1)) {
            return inTask.rows();
          }
        });
        Thread t = new Thread(m::rows, "short-lived");
        t.start();
        t.join();
        tasks.join();
      }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void parameterized(int size) {
      try (Mat m = new Mat(size, size, CV_8UC1)) {
        m.rows();
      }
    }

    @Test
    void plain() {
      new Mat(2, 2, CV_8UC1).close();
    }
  }

  /**
   * One parked thread per iteration: each step and the sum (10) stay under the tolerance of 64.
   * Threads, not native bytes: a thread count is exact, while 1 MiB steps of native bytes drown
   * in the JVM's own malloc churn on a busy machine (seen: no step detected at all).
   */
  @LeakGuard(warmup = 3, threadTolerance = 64)
  static class Stairs {
    @RepeatedTest(14)
    void creeps() {
      Thread t = new Thread(() -> {
        try {
          new java.util.concurrent.CountDownLatch(1).await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "stairs-" + STAIR_THREADS.size());
      t.setDaemon(true);
      t.start();
      STAIR_THREADS.add(t);
    }
  }

  /**
   * True from the second repetition on. The ordering fixtures allocate only then, so the
   * baseline (taken after the first, warm-up repetition) never includes their buffers and a
   * measurement taken before they are released shows up as growth.
   */
  static boolean afterWarmup(ExtensionContext ctx) {
    return !ctx.getUniqueId().endsWith("#1]");
  }

  /** Allocates outside the test body in beforeEach, frees in afterEach. */
  static class ReleaseInAfterEach implements BeforeEachCallback, AfterEachCallback {
    @Override
    public void beforeEach(ExtensionContext ctx) {
      if (afterWarmup(ctx)) {
        ctx.getStore(ExtensionContext.Namespace.GLOBAL)
            .put("after-each-mat", new Mat(64, 64, CV_8UC1));
      }
    }

    @Override
    public void afterEach(ExtensionContext ctx) {
      Mat mat = ctx.getStore(ExtensionContext.Namespace.GLOBAL).remove("after-each-mat", Mat.class);
      if (mat != null) {
        mat.close();
      }
    }
  }

  /** Frees what it allocated from a closeable store value (closed after all afterEach). */
  static class ReleaseInStore implements BeforeEachCallback {
    @Override
    public void beforeEach(ExtensionContext ctx) {
      if (afterWarmup(ctx)) {
        Mat mat = new Mat(64, 64, CV_8UC1);
        ctx.getStore(ExtensionContext.Namespace.GLOBAL)
            .put("store-mat", (AutoCloseable) mat::close);
      }
    }
  }

  /** Keeps its Mats until the class ends: a leak between iterations. */
  static class ReleaseInAfterAll implements BeforeEachCallback, AfterAllCallback {
    @Override
    public void beforeEach(ExtensionContext ctx) {
      if (afterWarmup(ctx)) {
        HELD_FOR_CLASS.add(new Mat(64, 64, CV_8UC1));
      }
    }

    @Override
    public void afterAll(ExtensionContext ctx) {
      HELD_FOR_CLASS.forEach(Mat::close);
      HELD_FOR_CLASS.clear();
    }
  }

  @ExtendWith(ReleaseInAfterEach.class)
  @ExtendWith(ReleaseInStore.class)
  @LeakGuard(warmup = 1)
  static class DeclaredBefore {
    @RepeatedTest(4)
    void body() {
      new Mat(1, 1, CV_8UC1).close(); // warms OpenCV up in the warm-up repetition
    }
  }

  @LeakGuard(warmup = 1)
  @ExtendWith(ReleaseInAfterEach.class)
  @ExtendWith(ReleaseInStore.class)
  static class DeclaredAfter {
    @RepeatedTest(4)
    void body() {
      new Mat(1, 1, CV_8UC1).close(); // warms OpenCV up in the warm-up repetition
    }
  }

  @LeakGuard(warmup = 1)
  @ExtendWith(ReleaseInAfterAll.class)
  static class ReleasedTooLate {
    @RepeatedTest(3)
    void body() {
      new Mat(1, 1, CV_8UC1).close();
    }
  }

  static class NegativeWarmup {
    @Test
    @LeakGuard(warmup = -2)
    void guarded() {}
  }

  @LeakGuard(warmup = 0)
  static class TaskFails {
    @Test
    void failsInATask(TaskScope tasks) {
      tasks.fork(() -> { // fork-site-marker
        throw new IllegalStateException("device went away");
      });
    }
  }

  /** Per-class lifecycle: no per-test instance, so the guard hooks in at beforeEach. */
  @org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
  @LeakGuard(warmup = 1)
  static class PerClassLifecycle {
    @RepeatedTest(3)
    void leaks() {
      new Mat(16, 16, CV_8UC1);
    }
  }

  /** Clean work that runs next to a leaking class in the parallel-execution test. */
  @LeakGuard(warmup = 1)
  static class ParallelClean {
    @RepeatedTest(20)
    void clean() {
      try (Mat m = new Mat(32, 32, CV_8UC1)) {
        m.rows();
      }
    }
  }
}
