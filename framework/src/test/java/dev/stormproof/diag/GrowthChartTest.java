package dev.stormproof.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** {@link GrowthChart}: one panel per counter, readable ticks, values in the report's units. */
class GrowthChartTest {

  @Test
  void ticksAreOneTwoOrFiveTimesAPowerOfTenInCountsOrMiB() {
    assertThat(GrowthChart.niceStep(0.7, false)).isEqualTo(1.0);
    assertThat(GrowthChart.niceStep(3.4, false)).isEqualTo(5.0);
    assertThat(GrowthChart.niceStep(17, false)).isEqualTo(20.0);
    assertThat(GrowthChart.niceStep(8.0 * 1024 * 1024, true)).isEqualTo(10.0 * 1024 * 1024);
    assertThat(GrowthChart.amount(25 * 1024 * 1024, true)).isEqualTo("25.0 MiB");
    assertThat(GrowthChart.amount(24, false)).isEqualTo("24");
  }

  @Test
  void onePanelPerCounterAndTheLeakingPointInRed() throws Exception {
    GrowthChart.Panel threads = new GrowthChart.Panel("threads", false, 22, 0, new int[] {2, 3}, new long[] {22, 24}, 3);
    GrowthChart.Panel bytes = new GrowthChart.Panel("native bytes", true, 10L << 20, 8L << 20,
        new int[] {2, 3}, new long[] {11L << 20, 35L << 20}, 3);
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(GrowthChart.png(List.of(threads, bytes), 1.0)));
    assertThat(img.getWidth()).isEqualTo(600);
    assertThat(img.getHeight()).isEqualTo(190);
    long red = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < 300; x++) {
        int p = img.getRGB(x, y);
        if (((p >> 16) & 0xff) > 200 && ((p >> 8) & 0xff) < 60 && (p & 0xff) < 60) {
          red++;
        }
      }
    }
    assertThat(red).as("the leaking iteration is marked red in the threads panel").isGreaterThan(20);
    BufferedImage small = ImageIO.read(new ByteArrayInputStream(GrowthChart.png(List.of(threads), 0.6)));
    assertThat(small.getWidth()).isEqualTo(180);
  }
}
