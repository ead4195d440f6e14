package dev.stormproof.junit;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import dev.stormproof.tasks.StormproofThreadFactory;
import dev.stormproof.tasks.TaskScope;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The parallel leak-guard suite's classes, run together through EngineTestKit by
 * {@link ParallelLeakGuardTest}: clean guarded classes, unguarded storms that start task threads,
 * factory threads and plain threads and churn native memory while the guarded classes are
 * judged, and planted leaks that must all be caught in the same run. Leaked resources are kept
 * here so the outer test frees them; {@link #reset()} arms a fresh release latch per run.
 */
final class ParallelFixtures {

  static final List<Pointer> MALLOCED = new CopyOnWriteArrayList<>();
  static volatile CountDownLatch release = new CountDownLatch(1);

  private ParallelFixtures() {}

  static void reset() {
    release = new CountDownLatch(1);
  }

  static void cleanUp() {
    release.countDown();
    MALLOCED.forEach(Pointer::free);
    MALLOCED.clear();
  }

  static void awaitRelease(CountDownLatch latch) {
    while (latch.getCount() > 0) {
      try {
        latch.await();
      } catch (InterruptedException ignored) {
        // planted bug: swallows cancellation and waits again
      }
    }
  }

  /** Small real work: Mats allocated and closed. */
  static int churn(int rounds) {
    int sum = 0;
    for (int i = 0; i < rounds; i++) {
      try (Mat m = new Mat(64 + i % 64, 64, CV_8UC1)) {
        sum += m.rows();
      }
    }
    return sum;
  }

  @LeakGuard(warmup = 2)
  static class CleanTasks {
    @RepeatedTest(100)
    void clean(TaskScope tasks) throws Exception {
      tasks.fork(() -> churn(5));
      Thread t = new Thread(() -> churn(5), "clean-short-lived");
      t.start();
      t.join();
      tasks.join();
    }
  }

  @LeakGuard(warmup = 2)
  static class CleanFactory {
    @RepeatedTest(100)
    void clean(StormproofThreadFactory threads) throws Exception {
      Thread t = threads.newThread(() -> churn(5));
      t.start();
      t.join();
    }
  }

  /** Unguarded: many task, factory and plain threads alive while guarded classes are judged. */
  @ExtendWith(TaskScopeExtension.class)
  static class StormA {
    @RepeatedTest(40)
    void storm(TaskScope tasks, StormproofThreadFactory threads) throws Exception {
      for (int i = 0; i < 6; i++) {
        tasks.fork(() -> churn(200));
      }
      Thread plain = new Thread(() -> churn(200), "storm-plain");
      Thread made = threads.newThread(() -> churn(200));
      plain.start();
      made.start();
      plain.join();
      made.join();
      tasks.join();
    }
  }

  @ExtendWith(TaskScopeExtension.class)
  static class StormB extends StormA {}

  @LeakGuard(warmup = 1)
  static class LeaksMat {
    @RepeatedTest(3)
    void leaks() {
      new Mat(480, 640, CV_8UC3);
    }
  }

  @LeakGuard(warmup = 1)
  static class LeaksTask {
    @RepeatedTest(3)
    void leaks(TaskScope tasks) {
      CountDownLatch latch = release;
      tasks.fork(() -> awaitRelease(latch));
    }
  }

  @LeakGuard(warmup = 1)
  static class LeaksFactoryThread {
    @RepeatedTest(3)
    void leaks(StormproofThreadFactory threads) {
      CountDownLatch latch = release;
      threads.newThread(() -> awaitRelease(latch)).start();
    }
  }

  static final long MALLOC_BYTES = 25L * 1024 * 1024;

  @LeakGuard(warmup = 1, strict = true, nativeMiBTolerance = 8)
  static class LeaksNativeStrict {
    @RepeatedTest(3)
    void leaks() {
      MALLOCED.add(Pointer.malloc(MALLOC_BYTES));
    }
  }
}
