package dev.stormproof.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.stormproof.device.Device;
import dev.stormproof.device.DeviceLostException;
import dev.stormproof.device.DeviceTimeoutException;
import dev.stormproof.device.Point;
import dev.stormproof.device.Size;
import dev.stormproof.testing.RecordingSink;
import dev.stormproof.testing.TestAdbServer;
import dev.stormproof.device.virtual.LatencyModel;
import dev.stormproof.device.virtual.VirtualApp;
import dev.stormproof.device.virtual.VirtualDevice;
import dev.stormproof.device.virtual.VirtualDeviceOptions;
import dev.stormproof.vision.Vision;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The fault matrix at the JUnit level: {@code @OnDevice @LeakGuard} classes run through the engine
 * against a virtual device this test starts (addressed by its serial, so the run connects to it
 * directly), with faults injected mid-call. Each fault must fail its test with a typed device
 * exception and an exact message, the report must still be written (device label, final screen
 * attached), the next test of the class must reconnect and pass under the leak guard (warm-up 1:
 * the failed test is the baseline, so the recovering test is judged for grown native memory,
 * threads and tasks), and when the run ends no Stormproof thread and no connection may be left.
 */
class FaultMatrixTest {

  static final Size SIZE = new Size(200, 400);
  static final FaultApp app = new FaultApp();
  static volatile VirtualDevice vdev;
  static volatile TestAdbServer adbServer;

  private final VirtualDevice device = startDevice();

  private static VirtualDevice startDevice() {
    app.reset();
    VirtualDevice v = new VirtualDevice(VirtualDeviceOptions.defaults().withSize(SIZE).withLatency(LatencyModel.fast()).withApp(app)).start();
    vdev = v;
    return v;
  }

  @AfterEach
  void stop() throws Exception {
    try {
      if (adbServer != null) {
        adbServer.close();
        adbServer = null;
      }
    } finally {
      device.close();
    }
  }

  private EngineExecutionResults run(Class<?> type, Map<String, String> extra) {
    return run(type, extra, 0);
  }

  /** {@code connectionsLeft}: connections to the virtual device that are not the run's (an adb server's). */
  private EngineExecutionResults run(Class<?> type, Map<String, String> extra, int connectionsLeft) {
    RecordingSink.registered().clear();
    liveAfterClass.clear();
    Map<String, String> config = new HashMap<>(Map.of("stormproof.device", device.serial(), "stormproof.device.timeout", "5s",
        "stormproof.tap.rate", "500", "stormproof.tap.burst", "50"));
    config.putAll(extra);
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").configurationParameters(config)
        .selectors(selectClass(type)).execute();
    // The launcher session ended: the run's devices are closed and every thread is joined (the
    // virtual device's own threads belong to this test, not to the run).
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("stormproof-")
        && !t.getName().startsWith("stormproof-vdev-"));
    await().atMost(Duration.ofSeconds(10)).until(() -> device.connectionCount() == connectionsLeft);
    assertThat(RecordingSink.registered().labels).contains("device=" + device.serial());
    assertThat(liveAfterClass).as("ledger entries of tests still live after the class").isEmpty();
    return results;
  }

  /** Asserts that test {@code a} failed and test {@code b} (after it) passed; returns a's failure. */
  private static Throwable failedThenRecovered(EngineExecutionResults results) {
    return failedThenRecovered(results, "a", 2);
  }

  /** Asserts that of {@code tests} tests only {@code failing} failed; returns its failure. */
  private static Throwable failedThenRecovered(EngineExecutionResults results, String failing, int tests) {
    assertThat(results.testEvents().failed().list()).as("failed tests")
        .extracting(e -> e.getTestDescriptor().getDisplayName() + ": " + e.getPayload(TestExecutionResult.class).orElseThrow()
            .getThrowable().map(Throwable::getMessage).orElse(""))
        .hasSize(1);
    results.testEvents().assertStatistics(s -> s.started(tests).failed(1).succeeded(tests - 1));
    Event failed = results.testEvents().failed().list().get(0);
    assertThat(failed.getTestDescriptor().getDisplayName()).startsWith(failing + "(");
    return failed.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
  }

  /** The cause in brackets is the socket's own words (Broken pipe, Connection reset, EOFException): it varies. */
  private void assertLost(Throwable t, String whatRegex) {
    assertThat(t).isInstanceOf(DeviceLostException.class);
    assertThat(t.getMessage()).matches(java.util.regex.Pattern.quote(serial() + ": connection lost during ") + whatRegex
        + " \\(.+\\); it will be reopened on the next call");
  }

  /** @OnDevice attached the screen when the test failed and at its end, even with the connection gone. */
  private static void assertScreensAttached() {
    assertThat(RecordingSink.registered().attachments).extracting(RecordingSink.Attachment::name)
        .contains("screen when the test failed", "screen at the end of the test");
  }

  private String serial() {
    return device.serial();
  }

  static final java.util.List<String> liveAfterClass = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * Every fixture's shape: on the device, leak-guarded (warm-up 1 unless the fixture says otherwise),
   * test {@code a} meets the fault and test {@code b} (after it, by name) must pass on a reopened
   * connection. Records what the run's ledger still holds for tests once the class is done (the
   * template cache is the run's).
   */
  @OnDevice
  @LeakGuard(warmup = 1)
  @TestMethodOrder(MethodOrderer.MethodName.class)
  abstract static class LedgerProbe {
    @org.junit.jupiter.api.extension.RegisterExtension
    static final org.junit.jupiter.api.extension.AfterAllCallback LIVE = context -> StormproofLedger.of(context).live().stream()
        .filter(e -> !e.owner().equals("run/templates")).forEach(e -> liveAfterClass.add(e.toString()));
  }

  /** A fixture whose recovering test {@code b} is a shell round trip. */
  abstract static class RecoversOverShell extends LedgerProbe {
    @Test
    void b(Device d) {
      assertThat(d.shell("echo back").stdout()).isEqualTo("back\n");
    }
  }

  // --- connection dropped mid-screenshot -----------------------------------------------------------

  static class DropMidScreenshot extends LedgerProbe {
    @Test
    void a(Device d) {
      d.screenSize();
      // Drops the capture after 1000 bytes, and its one retry on a fresh connection too.
      app.dropEveryCapture = true;
      vdev.faults().dropConnectionAfter(1000);
      d.screenshot();
    }

    @AfterEach
    void heal() {
      app.dropEveryCapture = false;
      vdev.faults().clear();
    }

    @Test
    void b(Device d) {
      assertThat(d.screenshot().size()).isEqualTo(SIZE);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"raw", "png"})
  void connection_dropped_mid_screenshot(String capture) {
    Throwable t = failedThenRecovered(run(DropMidScreenshot.class, Map.of("stormproof.adb.capture", capture)));
    assertLost(t, "screencap");
    assertScreensAttached();
  }

  @LeakGuard(warmup = 2)
  static class DropMidVisionCapture extends LedgerProbe {
    @Test
    void a(Vision vision) {
      // A first match in the JVM allocates OpenCV's and javacpp's one-time state: warm up with it.
      assertThat(vision.exists("rel/box.png")).isFalse();
    }

    @Test
    void b(Vision vision) {
      app.dropEveryCapture = true;
      vdev.faults().dropConnectionAfter(1000);
      vision.exists("rel/box.png");
    }

    @AfterEach
    void heal() {
      app.dropEveryCapture = false;
      vdev.faults().clear();
    }

    @Test
    void c(Vision vision) {
      assertThat(vision.exists("rel/box.png")).isFalse();
    }
  }

  @Test
  void connection_dropped_while_vision_captures_frees_its_buffers() {
    // Warm-up 2: the failed test is the baseline, the recovering one is judged.
    Throwable t = failedThenRecovered(run(DropMidVisionCapture.class, Map.of("stormproof.adb.capture", "raw")), "b", 3);
    assertLost(t, "screencap");
  }

  // --- connection dropped mid-shell ----------------------------------------------------------------

  static class DropMidShell extends RecoversOverShell {
    @Test
    void a(Device d) {
      d.screenSize();
      vdev.faults().dropConnectionAfter(3);
      d.shell("echo hello-world");
    }
  }

  @Test
  void connection_dropped_mid_shell() {
    Throwable t = failedThenRecovered(run(DropMidShell.class, Map.of()));
    assertLost(t, "shell 'echo hello-world'");
  }

  // --- connection dropped mid tap burst --------------------------------------------------------------

  static class DropMidTapBurst extends LedgerProbe {
    @Test
    void a(Device d) {
      app.offlineAtTap = 5;
      for (int i = 0; i < 40; i++) {
        d.tap(Point.of(i, i));
        if (i == 4) {
          // Raw taps are written without an answer: let the device take the fifth one (and drop
          // the connection) before writing more, else all could be buffered before it notices.
          await().atMost(Duration.ofSeconds(10)).until(() -> app.wentOffline);
        }
      }
    }

    @AfterEach
    void heal() {
      app.offlineAtTap = -1;
      vdev.faults().clear();
    }

    @Test
    void b(Device d) {
      int before = app.taps.get();
      for (int i = 0; i < 5; i++) {
        d.tap(Point.of(100, 100));
      }
      await().until(() -> app.taps.get() == before + 5);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"raw", "input"})
  void connection_dropped_mid_tap_burst(String touch) {
    Throwable t = failedThenRecovered(run(DropMidTapBurst.class, Map.of("stormproof.adb.touch", touch)));
    if (touch.equals("input")) {
      // The fifth tap's own command is cut: the app goes offline while handling it.
      assertThat(t).isInstanceOf(DeviceLostException.class).hasMessage(serial() + ": connection lost during tap (4, 4) (stream "
          + "ended before the exit code (after 0 bytes of output)); it will be reopened on the next call");
    } else {
      // Raw events are written without an answer: one of the next taps finds the connection gone.
      assertLost(t, "tap \\(\\d+, \\d+\\)");
    }
  }

  // --- hung device ----------------------------------------------------------------------------------

  static class HungDevice extends RecoversOverShell {
    @Test
    void a(Device d) {
      d.screenSize();
      vdev.faults().hang();
      d.shell("echo hung");
    }

    @AfterEach
    void heal() {
      vdev.faults().release();
    }
  }

  @Test
  void a_hung_device_times_out_within_the_configured_timeout() {
    Throwable t = failedThenRecovered(run(HungDevice.class, Map.of("stormproof.device.timeout", "400ms")));
    assertThat(t).isInstanceOf(DeviceTimeoutException.class).hasMessage(serial() + ": shell 'echo hung' did not complete within "
        + "400 ms; the connection was closed and will be reopened; raise stormproof.device.timeout if the device is just slow");
  }

  // --- offline, then back -------------------------------------------------------------------------

  static class OfflineThenBack extends RecoversOverShell {
    @Test
    void a(Device d) {
      d.screenSize();
      vdev.faults().goOffline();
      d.shell("echo gone");
    }

    @AfterEach
    void heal() {
      vdev.faults().goOnline();
    }
  }

  @Test
  void a_device_that_goes_offline_fails_its_test_and_the_next_test_reconnects() {
    Throwable t = failedThenRecovered(run(OfflineThenBack.class, Map.of()));
    assertLost(t, "shell 'echo gone'");
    assertScreensAttached();
  }

  // --- adb server killed and restarted ------------------------------------------------------------

  static class AdbServerRestart extends RecoversOverShell {
    @Test
    void a(Device d) throws Exception {
      assertThat(d.shell("echo via-server").stdout()).isEqualTo("via-server\n");
      adbServer.close();
      d.shell("echo server-gone");
    }

    @AfterEach
    void restart() throws Exception {
      if (!adbServer.alive()) {
        adbServer = new TestAdbServer(adbServer.port);
        adbServer.connect(vdev.port());
      }
    }
  }

  @Test
  void the_adb_server_killed_and_restarted_mid_run() throws Exception {
    adbServer = new TestAdbServer();
    adbServer.connect(device.port());
    Throwable t = failedThenRecovered(run(AdbServerRestart.class, Map.of("stormproof.adb.servers", "127.0.0.1:" + adbServer.port), 1));
    assertThat(t).isInstanceOf(DeviceLostException.class).hasMessage(serial() + ": connection lost during shell 'echo server-gone' "
        + "(No running adb server found at 127.0.0.1:" + adbServer.port + ".); it will be reopened on the next call");
  }

  /** A solid-colour app with fault hooks: re-arms a drop on every capture, goes offline at the Nth tap. */
  static final class FaultApp implements VirtualApp {
    volatile boolean dropEveryCapture;
    volatile int offlineAtTap = -1;
    volatile boolean wentOffline;
    final AtomicInteger taps = new AtomicInteger();

    void reset() {
      dropEveryCapture = false;
      offlineAtTap = -1;
      wentOffline = false;
      taps.set(0);
    }

    @Override public String packageName() { return "dev.stormproof.faults"; }
    @Override public String component() { return "dev.stormproof.faults/.Main"; }
    @Override public void start(long nowMillis) { }
    @Override public void stop(long nowMillis) { }

    @Override
    public BufferedImage render(Size size, long nowMillis) {
      if (dropEveryCapture) {
        vdev.faults().dropConnectionAfter(1000); // taken by the next command: the retry
      }
      BufferedImage image = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_ARGB);
      Graphics2D g = image.createGraphics();
      g.setColor(new Color(200, 40, 90));
      g.fillRect(0, 0, size.width(), size.height());
      g.dispose();
      return image;
    }

    @Override
    public void tap(int x, int y, long nowMillis) {
      if (taps.incrementAndGet() == offlineAtTap) {
        vdev.faults().goOffline();
        wentOffline = true;
      }
    }

    @Override public void swipe(int x1, int y1, int x2, int y2, long durationMillis, long nowMillis) { }
    @Override public void text(String text, long nowMillis) { }
    @Override public void key(int keyCode, long nowMillis) { }
    @Override public String dump(long nowMillis) { return "fault app: " + taps.get() + " taps"; }
  }
}
