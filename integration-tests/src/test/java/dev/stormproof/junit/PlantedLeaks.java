package dev.stormproof.junit;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import dev.stormproof.tasks.TaskScope;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Test classes with planted leaks, run through EngineTestKit by {@link LeakGuardTest} (Surefire
 * skips nested classes, so they never run on their own). Every resource they leak is kept here
 * so the outer test can free it afterwards.
 */
final class PlantedLeaks {

  static final List<Pointer> MALLOCED = new CopyOnWriteArrayList<>();
  static final CountDownLatch STOP_THREADS = new CountDownLatch(1);
  static final LinkedBlockingQueue<String> NEVER_FED = new LinkedBlockingQueue<>();
  static volatile boolean releaseStuckTasks;

  private PlantedLeaks() {}

  /** Frees and stops everything the planted leaks left behind. */
  static void cleanUp() throws InterruptedException {
    MALLOCED.forEach(Pointer::free);
    MALLOCED.clear();
    STOP_THREADS.countDown();
    releaseStuckTasks = true;
    for (int i = 0; i < 16; i++) {
      NEVER_FED.put("stop");
    }
  }

  @LeakGuard(warmup = 1)
  static class UnclosedMat {
    @RepeatedTest(3)
    void leaks() {
      new Mat(2400, 1080, CV_8UC3);
    }
  }

  @LeakGuard(warmup = 1)
  static class MatsFromTask {
    @RepeatedTest(3)
    void leaks(TaskScope tasks) throws InterruptedException {
      tasks.fork(() -> {
        for (int i = 0; i < 2; i++) {
          new Mat(480, 640, CV_8UC3);
        }
      });
      tasks.join();
    }
  }

  @LeakGuard(warmup = 1)
  static class ThreadNeverStopped {
    @RepeatedTest(3)
    void leaks() {
      Thread t = new Thread(() -> {
        try {
          STOP_THREADS.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "planted-leaky-thread");
      t.setDaemon(true);
      t.start();
    }
  }

  @LeakGuard(warmup = 1)
  static class TaskBlockedForever {
    @RepeatedTest(3)
    void leaks(TaskScope tasks) {
      tasks.fork(() -> {
        while (!releaseStuckTasks) {
          try {
            NEVER_FED.take();
          } catch (InterruptedException ignored) {
            // planted bug: swallows cancellation and waits again
          }
        }
      });
    }
  }

  static final long MALLOC_BYTES = 25L * 1024 * 1024;

  // 8 MiB instead of the 16 MiB default: in this test JVM, EngineTestKit's JIT churn moves
  // native bytes by up to ~10 MiB between iterations (HotSpot's arena chunk pool).
  @LeakGuard(warmup = 1, nativeMiBTolerance = 8)
  static class NativeMalloc {
    @RepeatedTest(3)
    void leaks() {
      MALLOCED.add(Pointer.malloc(MALLOC_BYTES));
    }
  }

  @HeapOnlyGuard
  static class NativeMallocHeapOnly {
    @RepeatedTest(3)
    void leaks() {
      MALLOCED.add(Pointer.malloc(MALLOC_BYTES));
    }
  }

  @LeakGuard(warmup = 1)
  static class FactoryThreadNeverStopped {
    @RepeatedTest(3)
    void leaks(dev.stormproof.tasks.StormproofThreadFactory threads) {
      threads.newThread(() -> { // factory-site-marker
        try {
          STOP_THREADS.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }).start();
    }
  }
}
