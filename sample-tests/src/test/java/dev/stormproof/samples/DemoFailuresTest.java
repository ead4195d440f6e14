package dev.stormproof.samples;

import dev.stormproof.device.Device;
import dev.stormproof.device.virtual.arena.Arena;
import dev.stormproof.junit.ExpectTemplate;
import dev.stormproof.junit.LeakGuard;
import dev.stormproof.junit.OnDevice;
import dev.stormproof.tasks.TaskScope;
import dev.stormproof.vision.Expectation;
import dev.stormproof.vision.Vision;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Each kind of failure, on purpose, as QA sees it in the report (visual expectation, resource
 * leak, device fault, timeout, and an app crash that shows in the device log). Excluded from
 * normal runs; run with {@code mvn -Pdemo-failures verify}.
 */
@Tag("demo-failures")
@OnDevice
@DisplayName("Demo: failures as QA sees them")
class DemoFailuresTest {

  @BeforeEach
  void launch(Device device) {
    device.startApp(Arena.COMPONENT);
  }

  @Test
  @DisplayName("Visual expectation: the shop title never shows on the title screen")
  @ExpectTemplate(value = "arena/shop_title.png", timeout = "2s")
  void visualExpectationFails() {}

  @Test
  @DisplayName("Device fault: starting an app that is not installed")
  void deviceFault(Device device) {
    device.startApp("com.example.missing/.MainActivity");
  }

  @Test
  @DisplayName("Timeout: a task that never finishes before the deadline")
  void taskTimeout(TaskScope tasks) throws InterruptedException {
    CountDownLatch never = new CountDownLatch(1);
    tasks.withDeadline(Duration.ofSeconds(1));
    tasks.fork(() -> {
      never.await();
      return null;
    });
    tasks.join();
  }

  @Test
  @DisplayName("App crash: the game dies on start, its crash is in the device log")
  void appCrash(Device device, Vision vision) {
    device.startApp("dev.stormproof.arena/.CrashActivity");
    vision.awaitAll(List.of(Expectation.of(vision, "arena/play.png", 0, "2s", "", null, false)));
  }

  @Nested
  @LeakGuard(warmup = 1)
  @DisplayName("Resource leak")
  class Leaks {
    @RepeatedTest(3)
    @DisplayName("a poller thread started per test is never stopped")
    void frameKeptAcrossTests(Vision vision) {
      Leaked.THREADS.add(startForgottenThread());
      vision.capture();
    }
  }

  private static Thread startForgottenThread() {
    Thread t = new Thread(() -> {
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "forgotten-poller");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Where leaky code keeps things. */
  static final class Leaked {
    static final java.util.List<Thread> THREADS = new java.util.concurrent.CopyOnWriteArrayList<>();
  }
}
