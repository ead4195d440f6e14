package dev.stormproof.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class DiagTest {

  @Test
  void threadDumpGroupsIdenticalStacks() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch parked = new CountDownLatch(3);
    Thread[] threads = new Thread[3];
    for (int i = 0; i < 3; i++) {
      threads[i] = new Thread(() -> {
        parked.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "same-stack-" + i);
      threads[i].start();
    }
    parked.await();
    // A thread may still be between countDown and park: wait until all three are parked.
    org.awaitility.Awaitility.await().until(() -> List.of(threads).stream()
        .allMatch(t -> t.getState() == Thread.State.WAITING));
    ThreadDump dump = ThreadDump.of(List.of(threads), t -> null);
    release.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertThat(dump.groups()).hasSize(1);
    assertThat(dump.format(3)).startsWith("  3 threads [WAITING] with this stack: same-stack-0,"
        + " same-stack-1, same-stack-2\n      at java.base@");
  }

  @Test
  void seriesExportsCsvAndAChart() throws Exception {
    MemorySeries series = new MemorySeries();
    for (int i = 1; i <= 20; i++) {
      series.add(new MemorySample(i, "it \"" + i + "\"", 40_000_000L + i * 2_000_000L, 10 + i,
          20_000_000L, i == 3 ? -1 : 120_000_000L + i * 500_000L, 12));
    }
    String csv = series.toCsv();
    assertThat(csv).startsWith(
        "iteration,label,native_bytes,javacpp_count,heap_used_bytes,rss_bytes,threads\n"
            + "1,\"it \"\"1\"\"\",42000000,11,20000000,120500000,12\n")
        .contains("\n3,\"it \"\"3\"\"\",46000000,13,20000000,,12\n");
    byte[] png = MemoryChart.png(series, "Memory per iteration: demo", 900, 480);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(900);
    assertThat(image.getHeight()).isEqualTo(480);
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target/leak-chart-sample.png"), png);
  }

  @Test
  void jfrCaptureDumpsABoundedRecording() throws Exception {
    Path file = Path.of("target/jfr-test/iteration.jfr");
    Files.deleteIfExists(file);
    try (JfrCapture capture = JfrCapture.start("diag-test", JfrCapture.DEFAULT_MAX_BYTES)) {
      capture.dump(file);
    }
    assertThat(Files.size(file)).isPositive();
  }
}
