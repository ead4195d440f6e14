package dev.stormproof.bench.jmh;

import dev.stormproof.device.Point;
import dev.stormproof.device.Screenshot;
import dev.stormproof.device.Size;
import dev.stormproof.diag.GrowthChart;
import dev.stormproof.report.Pictures;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the report's evidence costs the test that makes it: {@code stepPicture} is the picture of
 * one device action (a 1080x2400 frame scaled to 270 px, the tap drawn, JPEG), {@code burstHeatMap}
 * the heat-map of a 300-tap burst, {@code leakChart} the small SVG chart of a clean guarded iteration
 * (three counters). All on the heap, on the test thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReportEvidenceBench {

  private Screenshot frame;
  private final List<Point> taps = new ArrayList<>();
  private List<GrowthChart.Panel> panels;

  @Setup(Level.Trial)
  public void setUp() {
    Random random = new Random(7);
    ByteBuffer px = ByteBuffer.allocate(1080 * 2400 * 4);
    for (int i = 0; i < 1080 * 2400; i++) {
      int shade = (i / 1080) % 256;
      px.put((byte) shade).put((byte) (255 - shade)).put((byte) random.nextInt(40)).put((byte) 255);
    }
    frame = new Screenshot(new Size(1080, 2400), px.flip(), System.nanoTime());
    for (int i = 0; i < 300; i++) {
      taps.add(Point.of(540 + random.nextInt(9) - 4, 1872 + random.nextInt(9) - 4));
    }
    panels = List.of(
        new GrowthChart.Panel("native bytes", true, 30L << 20, 16L << 20, new int[] {2, 3}, new long[] {31L << 20, 30L << 20}, 0),
        new GrowthChart.Panel("threads", false, 22, 0, new int[] {2, 3}, new long[] {22, 22}, 0),
        new GrowthChart.Panel("javacpp pointers", false, 40, 0, new int[] {2, 3}, new long[] {40, 40}, 0));
  }

  @Benchmark
  public byte[] stepPicture() {
    return Pictures.tap(frame, Point.of(540, 1800));
  }

  @Benchmark
  public byte[] burstHeatMap() {
    return Pictures.heatMap(frame.size(), frame, taps);
  }

  @Benchmark
  public byte[] leakChart() {
    return GrowthChart.svg(panels, 0.6);
  }
}
