package dev.stormproof.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
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
  void onePanelPerCounterWithTheReportsNumbersAndTheLeakingPointInRed() {
    GrowthChart.Panel threads = new GrowthChart.Panel("threads", false, 22, 0, new int[] {2, 3}, new long[] {22, 24}, 3);
    GrowthChart.Panel bytes = new GrowthChart.Panel("native bytes", true, 10L << 20, 8L << 20,
        new int[] {2, 3}, new long[] {11L << 20, 35L << 20}, 3);
    String svg = new String(GrowthChart.svg(List.of(threads, bytes), 1.0), StandardCharsets.UTF_8);
    assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"190\" viewBox=\"0 0 600 190\"")
        .contains(">threads</text>", ">baseline 22</text>", ">tolerance 0</text>", ">now 24</text>",
            ">native bytes</text>", ">baseline 10.0 MiB</text>", ">tolerance 8.0 MiB</text>", ">now 35.0 MiB</text>")
        .endsWith("</svg>\n");
    assertThat(svg.split("r=\"4\" fill=\"red\"", -1)).as("one red point per panel").hasSize(3);
    // The threads axis spans 22..24 in steps of 1, not 0..70.
    assertThat(svg).contains(">22</text>", ">23</text>", ">24</text>").doesNotContain(">0</text>");
    String small = new String(GrowthChart.svg(List.of(threads), 0.6), StandardCharsets.UTF_8);
    assertThat(small).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"180\" height=\"114\"");
  }
}
