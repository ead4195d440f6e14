package dev.stormproof.tap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormproof.device.Device;
import dev.stormproof.device.DeviceLostException;
import dev.stormproof.device.Point;
import dev.stormproof.device.Screenshot;
import dev.stormproof.device.ShellResult;
import dev.stormproof.device.Size;
import dev.stormproof.report.ScreenMemory;
import dev.stormproof.report.StepMode;
import dev.stormproof.testing.RecordingSink;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link RateLimitedDevice#reportingTo}: the handle @OnDevice injects reports each action of the
 * test thread as a step (with a picture in {@code screens} mode), taps from tasks as one burst,
 * and counts shell calls and captures instead of making them steps.
 */
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
      // A blue screen: a red mark drawn on it is easy to tell apart.
      ByteBuffer px = ByteBuffer.allocate(1080 * 2400 * 4);
      for (int i = 0; i < 1080 * 2400; i++) {
        px.put((byte) 20).put((byte) 40).put((byte) 200).put((byte) 255);
      }
      return new Screenshot(new Size(1080, 2400), px.flip(), System.nanoTime());
    }
    @Override public void startApp(String c) { calls.add("start " + c); }
    @Override public void stopApp(String p) { calls.add("stop " + p); }
    @Override public void close() { calls.add("close"); }
  }

  private final RecordingSink report = new RecordingSink();
  private final QuietDevice quiet = new QuietDevice();
  private final RateLimitedDevice owner = RateLimitedDevice.owning(quiet, TapOptions.defaults().withRate(1000).withBurst(1000));
  private final ActionReport actions = new ActionReport(report, StepMode.ACTIONS, new ScreenMemory(), Thread.currentThread());
  private final RateLimitedDevice device = RateLimitedDevice.sharing(quiet, owner.queue()).reportingTo(actions);

  private RateLimitedDevice withMode(StepMode mode) {
    return RateLimitedDevice.sharing(quiet, owner.queue())
        .reportingTo(new ActionReport(report, mode, new ScreenMemory(), Thread.currentThread()));
  }

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
    assertThat(device.shell("dumpsys stormproof --reset").stdout()).isEqualTo("ok\n");
    device.screenshot();
    device.stopApp("dev.stormproof.arena");

    assertThat(report.steps).containsExactly(
        "start app dev.stormproof.arena/.MainActivity [passed]",
        "tap (540, 1800) [passed]",
        "swipe (10, 20) -> (10, 180) in 300 ms [passed]",
        "long press (5, 6) for 1000 ms [passed]",
        "type \"it's \"quoted\"\\nand long " + "x".repeat(56) + "...\" [passed]",
        "key 4 [passed]",
        "stop app dev.stormproof.arena [passed]");
    assertThat(quiet.calls).hasSize(9);
    assertThat(actions.counters()).isEqualTo(
        "frames captured: 1\nbursts of taps from tasks: 0\nshell calls: 2\n  dumpsys stormproof: 2\n");
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

  @Test
  void screensModeDrawsTheTapOnTheLastCapturedFrameWithoutCapturingAgain() throws IOException {
    RateLimitedDevice screens = withMode(StepMode.SCREENS);
    screens.screenshot();
    screens.tap(Point.of(540, 1200));
    assertThat(report.steps).containsExactly("tap (540, 1200) [passed]");
    assertThat(report.attachments).hasSize(1);
    RecordingSink.Attachment picture = report.attachments.get(0);
    assertThat(picture.name()).matches("screen \\d+\\.\\d s before tap");
    assertThat(picture.mimeType()).isEqualTo("image/jpeg");
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(picture.content()));
    assertThat(img.getWidth()).isEqualTo(270);
    assertThat(img.getHeight()).isEqualTo(600);
    int centre = img.getRGB(135, 300);
    int far = img.getRGB(20, 20);
    assertThat((centre >> 16) & 0xff).as("red at the tap point").isGreaterThan(200);
    assertThat(far & 0xff).as("blue away from it").isGreaterThan(150);
  }

  @Test
  void withNoFrameCapturedYetAnActionHasNoPicture() {
    withMode(StepMode.SCREENS).swipe(Point.of(10, 20), Point.of(10, 180), Duration.ofMillis(300));
    assertThat(report.steps).containsExactly("swipe (10, 20) -> (10, 180) in 300 ms [passed]");
    assertThat(report.attachments).isEmpty();
  }

  @Test
  void offModeMakesNoSteps() {
    RateLimitedDevice off = withMode(StepMode.OFF);
    off.tap(Point.of(1, 2));
    off.key(4);
    assertThat(report.steps).isEmpty();
    assertThat(quiet.calls).containsExactly("tap (1, 2)", "key 4");
  }

  @Test
  void tapsFromTaskThreadsCollapseIntoOneBurstStepWithAHeatMap() throws Exception {
    RateLimitedDevice screens = withMode(StepMode.SCREENS);
    screens.screenshot();
    List<Thread> tasks = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int column = t;
      Thread tapper = new Thread(() -> {
        for (int i = 0; i < 10; i++) {
          screens.tap(Point.of(100 + column * 200, 1000));
        }
      }, "burst-tapper-" + t);
      tapper.start();
      tasks.add(tapper);
    }
    for (Thread t : tasks) {
      t.join();
    }
    assertThat(report.steps).as("nothing reported until the test thread acts").isEmpty();
    screens.key(4);
    assertThat(report.steps).hasSize(2);
    assertThat(report.steps.get(0)).matches(
        "burst: 40 taps from tasks in \\d+\\.\\d\\d s \\(\\d+\\.\\d taps/s delivered\\), 0 rejected, 0 cancelled \\[passed]");
    assertThat(report.steps.get(1)).isEqualTo("key 4 [passed]");
    assertThat(report.attachments).extracting(RecordingSink.Attachment::name)
        .hasSize(2).first().isEqualTo("where the taps landed");
    BufferedImage heat = ImageIO.read(new ByteArrayInputStream(report.attachments.get(0).content()));
    assertThat((heat.getRGB(25, 250) >> 16) & 0xff).as("hot where taps landed").isGreaterThan(200);
    assertThat(quiet.calls).hasSize(41);
  }

  @Test
  void theStepModeKeyRejectsUnknownValuesWithTheFix() {
    assertThat(StepMode.parse(" Screens ")).isEqualTo(StepMode.SCREENS);
    assertThatThrownBy(() -> StepMode.parse("pictures")).hasMessage("stormproof.report.steps must be screens, actions or off, "
        + "but it is 'pictures'; fix it in junit-platform.properties or -Dstormproof.report.steps=screens");
  }
}
