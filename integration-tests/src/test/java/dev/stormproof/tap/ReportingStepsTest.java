package dev.stormproof.tap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormproof.device.Device;
import dev.stormproof.device.DeviceLostException;
import dev.stormproof.device.Point;
import dev.stormproof.device.Screenshot;
import dev.stormproof.device.ShellResult;
import dev.stormproof.device.Size;
import dev.stormproof.testing.RecordingSink;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RateLimitedDevice#reportingTo}: the handle @OnDevice injects reports each action as a step. */
class ReportingStepsTest {

  /** A device that does nothing, or fails its taps. */
  static final class QuietDevice implements Device {
    boolean tapsFail;
    final List<String> calls = new ArrayList<>();

    @Override public String serial() { return "quiet-1"; }
    @Override public String model() { return "Quiet"; }
    @Override public Size screenSize() { return new Size(1080, 2400); }
    @Override public void tap(Point p) {
      if (tapsFail) {
        throw new DeviceLostException("quiet-1: connection lost during tap");
      }
      calls.add("tap " + p);
    }
    @Override public void swipe(Point a, Point b, Duration d) { calls.add("swipe"); }
    @Override public void longPress(Point p, Duration d) { calls.add("longPress"); }
    @Override public void text(String t) { calls.add("text " + t); }
    @Override public void key(int k) { calls.add("key " + k); }
    @Override public ShellResult shell(String c) { calls.add("shell " + c); return new ShellResult(0, "ok\n", ""); }
    @Override public Screenshot screenshot() {
      return new Screenshot(new Size(1, 1), ByteBuffer.allocate(4), 0);
    }
    @Override public void startApp(String c) { calls.add("start " + c); }
    @Override public void stopApp(String p) { calls.add("stop " + p); }
    @Override public void close() { calls.add("close"); }
  }

  private final RecordingSink report = new RecordingSink();
  private final QuietDevice quiet = new QuietDevice();
  private final RateLimitedDevice owner = RateLimitedDevice.owning(quiet, TapOptions.defaults().withRate(1000).withBurst(1000));
  private final RateLimitedDevice device = RateLimitedDevice.sharing(quiet, owner.queue()).reportingTo(report);

  @org.junit.jupiter.api.AfterEach
  void closeQueue() {
    owner.close();
  }

  @Test
  void everyActionIsAStepWithItsCoordinates() {
    device.startApp("dev.stormproof.arena/.MainActivity");
    device.tap(Point.of(540, 1800));
    device.swipe(Point.of(10, 20), Point.of(10, 180), Duration.ofMillis(300));
    device.longPress(Point.of(5, 6), Duration.ofSeconds(1));
    device.text("it's \"quoted\"\nand long " + "x".repeat(100));
    device.key(4);
    assertThat(device.shell("dumpsys stormproof").stdout()).isEqualTo("ok\n");
    device.screenshot();
    device.stopApp("dev.stormproof.arena");

    assertThat(report.steps).containsExactly(
        "start app dev.stormproof.arena/.MainActivity [passed]",
        "tap (540, 1800) [passed]",
        "swipe (10, 20) -> (10, 180) in 300 ms [passed]",
        "long press (5, 6) for 1000 ms [passed]",
        "type \"it's \"quoted\"\\nand long " + "x".repeat(56) + "...\" [passed]",
        "key 4 [passed]",
        "shell dumpsys stormproof [passed]",
        "screenshot [passed]",
        "stop app dev.stormproof.arena [passed]");
    assertThat(quiet.calls).hasSize(8);
  }

  @Test
  void aFailingActionFailsItsStepAndRethrowsTheDeviceException() {
    quiet.tapsFail = true;
    assertThatThrownBy(() -> device.tap(Point.of(1, 2)))
        .isInstanceOf(DeviceLostException.class).hasMessage("quiet-1: connection lost during tap");
    assertThat(report.steps).containsExactly("tap (1, 2) [failed]");
  }

  @Test
  void readsAreNotStepsAndCloseLeavesThePooledDeviceOpen() {
    assertThat(device.serial()).isEqualTo("quiet-1");
    assertThat(device.model()).isEqualTo("Quiet");
    assertThat(device.screenSize()).isEqualTo(new Size(1080, 2400));
    device.close();
    assertThat(report.steps).isEmpty();
    assertThat(quiet.calls).isEmpty();
    assertThat(RateLimitedDevice.sharing(quiet, owner.queue()).screenSize()).isEqualTo(new Size(1080, 2400));
  }
}
