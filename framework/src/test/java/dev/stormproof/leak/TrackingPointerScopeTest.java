package dev.stormproof.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.lang.ref.WeakReference;
import org.awaitility.Awaitility;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

class TrackingPointerScopeTest {

  private final Ledger ledger = new Ledger();

  @org.junit.jupiter.api.BeforeAll
  static void initOpenCvOutsideAnyScope() {
    new Mat(1, 1, CV_8UC3).close(); // class init allocates constants (CvSlice) once per JVM
  }

  /** In its own frame so that no local variable of the test keeps the Mat reachable. */
  private WeakReference<Mat> allocate(boolean close) {
    try (TrackingPointerScope scope = new TrackingPointerScope(ledger, "t", true)) {
      Mat mat = new Mat(2, 3, CV_8UC3);
      if (close) {
        mat.close();
      }
      return new WeakReference<>(mat);
    }
  }

  @Test
  void aClosedMatThatTheGcCollectedBeforeTheSweepIsNotALeak() {
    awaitCollected(allocate(true));
    assertThat(ledger.live()).hasSize(1);
    assertThat(ledger.live().get(0).collected()).isFalse();
    TrackingPointerScope.sweep(ledger);
    assertThat(ledger.live()).isEmpty();
  }

  @Test
  void anUnclosedMatCollectedByTheGcStaysLiveAndIsFlagged() {
    awaitCollected(allocate(false));
    TrackingPointerScope.sweep(ledger);
    assertThat(ledger.live()).hasSize(1);
    Ledger.Entry e = ledger.live().get(0);
    assertThat(e.collected()).isTrue();
    assertThat(e.description()).isEqualTo("Mat 2x3 CV_8UC3");
    assertThat(e.bytes()).isEqualTo(18);
    assertThat(e.owner()).isEqualTo("t");
    assertThat(e.site()[0].getMethodName()).isEqualTo("allocate");
    assertThat(e.site()[1].getMethodName())
        .isEqualTo("anUnclosedMatCollectedByTheGcStaysLiveAndIsFlagged");
  }

  @Test
  void anOpenMatStaysLiveAndAnOwnerBoundOnTheThreadWins() {
    try (Owner.Binding b = Owner.bind("bound-test");
        TrackingPointerScope scope = new TrackingPointerScope(ledger, "fallback", false);
        Mat mat = new Mat(1, 1, CV_8UC3)) {
      TrackingPointerScope.sweep(ledger);
      assertThat(ledger.live("bound-test")).hasSize(1);
      assertThat(ledger.live("bound-test").get(0).site()).isEmpty();
    }
    TrackingPointerScope.sweep(ledger);
    assertThat(ledger.live()).isEmpty();
  }

  private static void awaitCollected(WeakReference<?> ref) {
    // Polls on this thread: System.gc() is a request, so ask until the Mat is really gone.
    Awaitility.await().pollInSameThread().until(() -> {
      System.gc();
      return ref.get() == null;
    });
  }
}
