package dev.stormproof.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.stormproof.device.Device;
import dev.stormproof.device.Point;
import dev.stormproof.device.Size;
import dev.stormproof.device.virtual.LatencyModel;
import dev.stormproof.device.virtual.VirtualDevice;
import dev.stormproof.device.virtual.VirtualDeviceOptions;
import dev.stormproof.tasks.TaskScope;
import dev.stormproof.tasks.TasksStuckException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A failed test stops tapping at once. Each fixture forks {@value #PENDING} tapping tasks on the
 * virtual device, lets a few taps land, then holds the tap being delivered on the device (its
 * commands hang) and fails, in the body or in a task; the fixture's {@code @AfterEach}, which runs
 * after the failure was handled, lets the device go on. The device's tap log is the judge: its
 * sequence number is read at the failure, and after the run (everything joined) at most the one
 * tap that was in flight may have landed after it. Before this was fixed, the pending taps kept
 * landing for the whole close timeout (3 s here: about 30 at 10 taps/s). Only the order of events
 * is asserted, never wall time. Taps go through {@code input tap}, a command the device can hold
 * (raw touch events are written without an answer to wait for).
 */
class ImmediateCancellationTest {

  static final int PENDING = 300;
  static final int AFTER_FAILURE = 1;
  static volatile VirtualDevice vdev;
  static volatile long seqAtFailure;
  static final List<String> refused = new CopyOnWriteArrayList<>();
  static volatile CountDownLatch releaseStubborn = new CountDownLatch(1);

  private final VirtualDevice device = new VirtualDevice(VirtualDeviceOptions.defaults()
      .withSize(new Size(200, 400)).withLatency(LatencyModel.fast())).start();

  @AfterEach
  void stop() {
    releaseStubborn.countDown();
    device.close();
  }

  private EngineExecutionResults run(Class<?> fixture) {
    vdev = device;
    seqAtFailure = -1;
    refused.clear();
    releaseStubborn = new CountDownLatch(1);
    return EngineTestKit.engine("junit-jupiter").configurationParameters(Map.of(
        "stormproof.device", device.serial(), "stormproof.tap.rate", "10", "stormproof.tap.burst", "1",
        "stormproof.tasks.closeTimeoutMs", "3000", "stormproof.tasks.cancelGraceMs", "500",
        "stormproof.adb.touch", "input"))
        .selectors(selectClass(fixture)).execute();
  }

  private static Throwable failure(EngineExecutionResults results) {
    results.testEvents().assertStatistics(s -> s.started(1).failed(1));
    return results.testEvents().failed().list().get(0).getPayload(TestExecutionResult.class)
        .orElseThrow().getThrowable().orElseThrow();
  }

  private void assertStoppedAtOnce() {
    assertThat(seqAtFailure).as("tap log sequence at the failure").isGreaterThanOrEqualTo(3);
    assertThat(device.tapLog().count() - seqAtFailure).as("taps landed after the failure")
        .isLessThanOrEqualTo(AFTER_FAILURE);
  }

  @Test
  void a_failing_test_body_cancels_its_pending_taps_at_once() {
    Throwable t = failure(run(BodyFails.class));
    assertThat(t).hasMessage("planted failure of the test body");
    assertThat(t.getSuppressed()).isEmpty(); // the cancelled tasks stopped: nothing stuck, no timeout
    assertStoppedAtOnce();
  }

  @Test
  void a_failing_task_cancels_the_pending_taps_of_its_siblings_at_once() {
    Throwable t = failure(run(TaskFails.class));
    assertThat(t.getCause()).hasMessage("planted failure of a task");
    assertStoppedAtOnce();
  }

  @Test
  void a_task_that_ignores_the_interrupt_is_reported_with_its_stack_and_cannot_tap() {
    Throwable t = failure(run(TaskIgnoresInterrupt.class));
    assertThat(t).hasMessage("planted failure of the test body");
    assertThat(t.getSuppressed()).singleElement().isInstanceOf(TasksStuckException.class)
        .satisfies(s -> assertThat(s.getMessage())
            .contains("1 task(s) of scope 'a' ignored cancellation and were still alive 500 ms later")
            .contains(TaskIgnoresInterrupt.class.getSimpleName() + ".lambda$a$0(ImmediateCancellationTest.java:"));
    assertThat(refused).isNotEmpty().allSatisfy(m -> assertThat(m).isEqualTo("the tap at (5, 5) on "
        + device.serial() + " was refused: its owner [engine:junit-jupiter]/[class:"
        + TaskIgnoresInterrupt.class.getName() + "]/[method:a(" + Device.class.getName() + ", "
        + TaskScope.class.getName() + ")] failed and its taps are cancelled"));
    assertStoppedAtOnce();
  }

  static void forkTappers(Device device, TaskScope scope) {
    for (int i = 0; i < PENDING; i++) {
      Point p = Point.of(10 + i % 100, 20);
      scope.fork(() -> device.tap(p));
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> vdev.tapLog().count() >= 3);
  }

  /** Holds the tap being delivered on the device and returns the tap log's sequence then. */
  static long holdTheTapInFlight() {
    vdev.faults().hang();
    await().atMost(Duration.ofSeconds(30)).until(() -> vdev.faults().hungCommands() >= 1);
    return vdev.tapLog().count();
  }

  /** Runs after the failure was handled (cancelled or not): the held tap may land now. */
  abstract static class Fixture {
    @AfterEach
    void letTheDeviceGoOn() {
      vdev.faults().release();
    }
  }

  @OnDevice
  static class BodyFails extends Fixture {
    @Test
    void a(Device device, TaskScope scope) {
      forkTappers(device, scope);
      seqAtFailure = holdTheTapInFlight();
      throw new AssertionError("planted failure of the test body");
    }
  }

  @OnDevice
  static class TaskFails extends Fixture {
    @Test
    void a(Device device, TaskScope scope) throws InterruptedException {
      forkTappers(device, scope);
      scope.fork(() -> {
        seqAtFailure = holdTheTapInFlight();
        throw new IllegalStateException("planted failure of a task");
      });
      scope.join();
    }
  }

  @OnDevice
  static class TaskIgnoresInterrupt extends Fixture {
    @Test
    void a(Device device, TaskScope scope) {
      CountDownLatch started = new CountDownLatch(1);
      scope.fork(() -> {
        started.countDown();
        while (true) {
          try {
            releaseStubborn.await();
            return;
          } catch (InterruptedException ignored) {
            // deliberately stubborn; after the cancel, its taps must be refused
            try {
              device.tap(Point.of(5, 5));
            } catch (RuntimeException e) {
              refused.add(e.getMessage());
            }
          }
        }
      });
      forkTappers(device, scope);
      seqAtFailure = holdTheTapInFlight();
      throw new AssertionError("planted failure of the test body");
    }
  }
}
