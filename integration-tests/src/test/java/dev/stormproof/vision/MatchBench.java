package dev.stormproof.vision;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGBA2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.TM_CCOEFF_NORMED;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.matchTemplate;

import dev.stormproof.device.Point;
import dev.stormproof.leak.Ledger;
import dev.stormproof.report.ReportSinks;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Benchmark (not a unit test): p50 of template search on a 1080x2400 screen with a 96 px
 * template, raw full-resolution gray matchTemplate vs {@link Vision#find}, and on a screen
 * scaled to 0.8. Writes {@code target/vision-bench.txt}. Run:
 * {@code mvn -o -q -pl framework test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.stormproof.vision.MatchBench}
 */
public final class MatchBench {

  private static final int RUNS = 40;

  public static void main(String[] args) throws IOException {
    List<String> out = new ArrayList<>();
    out.add("MatchBench " + java.time.Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
        + " CPUs, OpenCV threads " + opencv_core.getNumThreads() + ", " + RUNS + " runs each (after 5 warm-up), load average "
        + Files.readString(Path.of("/proc/loadavg")).trim());
    BufferedImage full = screen(1080, 2400, 1.0);
    BufferedImage small = screen(864, 1920, 0.8);
    Path dir = Files.createTempDirectory("vision-bench");
    Screens.TemplateDir templates = new Screens.TemplateDir(dir);
    templates.crop("ui/play.png", full, 300, 1700, 96, 96);
    FakeDevice device = new FakeDevice(full);
    Ledger ledger = new Ledger().withoutSites();
    VisionOptions noCache = VisionOptions.defaults().withResultCacheSize(0);
    try (TemplateLibrary lib = TemplateLibrary.open(templates.loader(), noCache, ledger, "bench/templates");
        Vision vision = Vision.open(device, lib, noCache, ledger, "bench", ReportSinks.of())) {
      Template t = vision.template("ui/play.png");

      ByteBuffer rgba = FakeDevice.toRgba(full);
      try (PointerScope scope = new PointerScope()) {
        Mat rgbaMat = new Mat(2400, 1080, opencv_core.CV_8UC4, new BytePointer(rgba));
        Mat gray = new Mat(2400, 1080, opencv_core.CV_8UC1);
        cvtColor(rgbaMat, gray, COLOR_RGBA2GRAY);
        Mat tpl = new Mat(96, 96, opencv_core.CV_8UC1);
        gray.apply(new org.bytedeco.opencv.opencv_core.Rect(300, 1700, 96, 96)).copyTo(tpl);
        Mat res = new Mat(2400 - 95, 1080 - 95, opencv_core.CV_32F);
        Mat level = new Mat(600, 270, opencv_core.CV_8UC1);
        Mat level2 = new Mat(1200, 540, opencv_core.CV_8UC1);
        Mat tpl24 = new Mat(24, 24, opencv_core.CV_8UC1);
        Mat tpl18 = new Mat(18, 18, opencv_core.CV_8UC1);
        Mat tpl36 = new Mat(36, 36, opencv_core.CV_8UC1);
        out.add(row("component: resize INTER_AREA 1080x2400 -> 270x600", time(() -> {
          org.bytedeco.opencv.global.opencv_imgproc.resize(gray, level, level.size(), 0, 0,
              org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA);
          return null;
        })));
        org.bytedeco.opencv.global.opencv_imgproc.resize(gray, level2, level2.size(), 0, 0,
            org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA);
        org.bytedeco.opencv.global.opencv_imgproc.resize(tpl, tpl24, tpl24.size(), 0, 0,
            org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA);
        org.bytedeco.opencv.global.opencv_imgproc.resize(tpl, tpl18, tpl18.size(), 0, 0,
            org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA);
        org.bytedeco.opencv.global.opencv_imgproc.resize(tpl, tpl36, tpl36.size(), 0, 0,
            org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA);
        Mat r24 = new Mat(600 - 23, 270 - 23, opencv_core.CV_32F);
        out.add(row("component: matchTemplate 270x600 with 24 px", time(() -> {
          matchTemplate(level, tpl24, r24, TM_CCOEFF_NORMED);
          return null;
        })));
        Mat r18 = new Mat(600 - 17, 270 - 17, opencv_core.CV_32F);
        out.add(row("component: matchTemplate 270x600 with 18 px", time(() -> {
          matchTemplate(level, tpl18, r18, TM_CCOEFF_NORMED);
          return null;
        })));
        Mat r36 = new Mat(1200 - 35, 540 - 35, opencv_core.CV_32F);
        out.add(row("component: matchTemplate 540x1200 with 36 px", time(() -> {
          matchTemplate(level2, tpl36, r36, TM_CCOEFF_NORMED);
          return null;
        })));
        Mat window = gray.apply(new org.bytedeco.opencv.opencv_core.Rect(294, 1694, 108, 108));
        Mat rw = new Mat(13, 13, opencv_core.CV_32F);
        out.add(row("component: refine matchTemplate 108x108 window with 96 px", time(() -> {
          matchTemplate(window, tpl, rw, TM_CCOEFF_NORMED);
          return null;
        })));
        out.add(row("component: Java peak scan of the 247x577 score map", time(() -> Matcher.peaks(r24, 5, -1, 12, 12))));
        out.add(row("raw matchTemplate, full-res gray 1080x2400 (no colour conversion)", time(() -> {
          matchTemplate(gray, tpl, res, TM_CCOEFF_NORMED);
          double[] max = new double[1];
          opencv_core.minMaxLoc(res, null, max, null, null, null);
          return null;
        })));
      }

      try (Frame f = vision.capture()) {
        out.add(row("Vision.find on a captured 1080x2400 frame (exact location)", time(() -> check(vision.find(t, f)
            .orElseThrow(), 300, 1700))));
      }
      out.add(row("Vision.capture: RGBA copy + gray + 64-bit hash, 1080x2400", time(() -> {
        vision.capture().close();
        return null;
      })));
      out.add(row("Vision.find incl. capture (frame reused from the pool)", time(() -> check(vision.find(t)
          .orElseThrow(), 300, 1700))));
      Template scaled = t.withScales(0.75, 1.33);
      try (Frame f = vision.capture()) {
        out.add(row("Vision.find scales 0.75-1.33 on the 1080x2400 frame", time(() -> check(vision.find(scaled, f)
            .orElseThrow(), 300, 1700))));
      }
      device.show(small);
      try (Frame f = vision.capture()) {
        Match m = vision.find(scaled, f).orElseThrow();
        out.add(row("Vision.find scales 0.75-1.33 on an 864x1920 (0.8) screen -> " + m, time(() -> check(
            vision.find(scaled, f).orElseThrow(), 240, 1360))));
      }
    }
    out.forEach(System.out::println);
    Path target = Screens.targetDir();
    Files.write(target.resolve("vision-bench.txt"), out);
    System.out.println("written to " + target.resolve("vision-bench.txt"));
  }

  private static Object check(Match m, int x, int y) {
    if (Math.abs(m.location().x() - x) > 2 || Math.abs(m.location().y() - y) > 2) {
      throw new IllegalStateException("wrong match " + m + ", expected near " + new Point(x, y));
    }
    return m;
  }

  private static BufferedImage screen(int w, int h, double scale) {
    return Screens.screen(w, h, scale, g -> {
      Screens.button(g, 300, 1700, 96, Screens.BLUE, 0);
      Screens.button(g, 600, 1700, 96, Screens.BLUE, 1);
      Screens.button(g, 100, 400, 96, Screens.BLUE, 2);
      Screens.button(g, 800, 900, 96, Screens.BLUE, 3);
      Screens.button(g, 450, 1100, 96, Screens.BLUE, 4);
    });
  }

  private static double[] time(Supplier<Object> body) {
    for (int i = 0; i < 5; i++) {
      body.get();
    }
    double[] ms = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long t0 = System.nanoTime();
      body.get();
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    return ms;
  }

  private static String row(String name, double[] ms) {
    return String.format(Locale.ROOT, "%-95s p50 %7.2f ms  p90 %7.2f ms  min %7.2f ms", name,
        ms[ms.length / 2], ms[(int) (ms.length * 0.9)], ms[0]);
  }
}
