package dev.stormproof.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormproof.leak.Ledger;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VisionLifecycleTest {

  @TempDir Path dir;

  private static final BufferedImage SCREEN = Screens.screen(1080, 2400, 1.0, g -> {
    Screens.button(g, 300, 1700, 96, Screens.BLUE, 0);
    Screens.button(g, 600, 1700, 96, Screens.BLUE, 1);
  });

  private VisionFixture fixture() {
    VisionFixture fx = new VisionFixture(dir, SCREEN, VisionOptions.defaults());
    fx.templates.crop("ui/play.png", SCREEN, 300, 1700, 96, 96);
    return fx;
  }

  @Test
  void ledgerCountsEveryLiveBufferWithItsSizeAndSiteAndNoneAfterClose() {
    try (VisionFixture fx = fixture()) {
      Vision vision = fx.open();
      Template t = vision.template("ui/play.png");
      assertThat(fx.ledger.live(VisionFixture.OWNER)).isEmpty();
      assertThat(fx.ledger.live(VisionFixture.LIBRARY)).extracting(Ledger.Entry::description)
          .containsExactlyInAnyOrder("Mat 96x96 CV_8UC3", "Mat 96x96 CV_8UC1");

      Frame frame = vision.capture();
      List<Ledger.Entry> live = fx.ledger.live(VisionFixture.OWNER);
      assertThat(live).extracting(Ledger.Entry::description)
          .containsExactly("Mat 1080x2400 CV_8UC4", "Mat 1080x2400 CV_8UC1");
      assertThat(live.get(0).bytes()).isGreaterThanOrEqualTo(1080L * 2400 * 4).isLessThan(1080L * 2400 * 4 + 1024);
      assertThat(live.get(0).site()).anyMatch(s -> s.getClassName().equals(Vision.class.getName())
          && s.getMethodName().equals("capture"));

      assertThat(vision.find(t, frame)).isPresent();
      // + the 4x-downscaled gray level of the frame and one pooled coarse score map
      assertThat(fx.ledger.live(VisionFixture.OWNER)).extracting(Ledger.Entry::description)
          .containsExactly("Mat 1080x2400 CV_8UC4", "Mat 1080x2400 CV_8UC1", "Mat 270x600 CV_8UC1",
              "Mat 247x577 CV_32FC1");
      frame.close(); // buffers stay with the Vision for the next frame
      assertThat(fx.ledger.live(VisionFixture.OWNER)).hasSize(4);

      vision.close();
      assertThat(fx.ledger.live(VisionFixture.OWNER)).isEmpty();
      assertThat(fx.ledger.live(VisionFixture.LIBRARY)).as("templates (and their coarse variant) outlive the test")
          .extracting(Ledger.Entry::description)
          .containsExactlyInAnyOrder("Mat 96x96 CV_8UC3", "Mat 96x96 CV_8UC1", "Mat 24x24 CV_8UC1");
    }
  }

  @Test
  void callsFromOtherThreadsAreOwnedByTheVision() throws Exception {
    try (VisionFixture fx = fixture()) {
      Vision vision = fx.open();
      Template t = vision.template("ui/play.png");
      try (Frame frame = vision.capture()) {
        Thread a = new Thread(() -> vision.find(t, frame), "vision-task-a");
        a.start();
        a.join(10_000);
        assertThat(fx.ledger.live(VisionFixture.OWNER)).extracting(Ledger.Entry::thread)
            .contains("vision-task-a");
      }
      vision.close();
      assertThat(fx.ledger.live(VisionFixture.OWNER)).isEmpty();
    }
  }

  @Test
  void useAfterCloseThrowsIllegalStateExceptionInsteadOfCrashing() {
    try (VisionFixture fx = fixture()) {
      Vision vision = fx.open();
      Template t = vision.template("ui/play.png");
      Frame kept = vision.capture();
      Frame closed = vision.capture();
      closed.close();
      assertThatThrownBy(closed::toPng).isInstanceOf(IllegalStateException.class)
          .hasMessage("Frame 1080x2400 captured by Vision of test-1 is closed: Frame.toPng() after the end of its "
              + "scope would use freed native memory; use Vision, Frame and Template objects only inside the test "
              + "(or main) that opened them");
      vision.close();
      assertThatThrownBy(() -> vision.find(t)).isInstanceOf(IllegalStateException.class)
          .hasMessage("Vision of test-1 is closed: capture() after the end of its scope would use freed native "
              + "memory; use Vision, Frame and Template objects only inside the test (or main) that opened them");
      assertThatThrownBy(() -> vision.find(t, kept)).isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("Vision of test-1 is closed: searching ui/play.png after the end of its scope");
      assertThatThrownBy(kept::toPng).isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("Vision of test-1 is closed: Frame.toPng()");
      assertThat(kept.isClosed()).isTrue();
      assertThatThrownBy(() -> vision.template("ui/play.png")).isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("Vision of test-1 is closed: template(\"ui/play.png\")");
      vision.close(); // idempotent
    }
  }

  @Test
  void closeWhileAnotherThreadIsMatchingWaitsForItAndFreesEverything() throws Exception {
    try (VisionFixture fx = fixture()) {
      Vision vision = fx.open();
      Template t = vision.template("ui/play.png").withScales(0.8, 1.25); // slower search, wider window
      Frame frame = vision.capture();
      AtomicInteger searches = new AtomicInteger();
      AtomicReference<Throwable> ended = new AtomicReference<>();
      CountDownLatch running = new CountDownLatch(3);
      Thread worker = new Thread(() -> {
        try {
          while (true) {
            // Distinct frames defeat the result cache so every iteration really matches.
            try (Frame own = vision.capture()) {
              vision.find(t, own);
            }
            searches.incrementAndGet();
            running.countDown();
          }
        } catch (Throwable e) {
          ended.set(e);
        }
      }, "vision-worker");
      worker.start();
      assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
      vision.close();
      worker.join(30_000);
      assertThat(worker.isAlive()).isFalse();
      assertThat(ended.get()).isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("Vision of test-1 is closed:");
      assertThat(frame.isClosed()).isTrue();
      assertThat(fx.ledger.live(VisionFixture.OWNER)).isEmpty();
    }
  }

  @Test
  void resultCacheAnswersAnUnchangedFrameWithoutMatchingAgain() {
    try (VisionFixture fx = fixture()) {
      Vision vision = fx.open();
      Template t = vision.template("ui/play.png");
      try (Frame f = vision.capture()) {
        Match first = vision.find(t, f).orElseThrow();
        assertThat(vision.find(t, f)).contains(first);
      }
      assertThat(vision.find(t)).isPresent(); // a new capture of the same pixels: same hash
      assertThat(vision.stats().searches()).isEqualTo(3);
      assertThat(vision.stats().resultCacheHits()).isEqualTo(2);
      fx.device.show(Screens.screen(1080, 2400, 1.0, g -> Screens.button(g, 500, 500, 96, Screens.BLUE, 0)));
      assertThat(vision.find(t).orElseThrow().location()).isEqualTo(new dev.stormproof.device.Point(500, 500));
      assertThat(vision.stats().resultCacheHits()).isEqualTo(2);
      assertThat(vision.stats().resultCacheHitRate()).isEqualTo(0.5);
      assertThat(vision.find(t.withThreshold(0.95))).isPresent();
      assertThat(vision.stats().resultCacheHits()).as("threshold is applied after the cached search").isEqualTo(3);
    }
  }
}
