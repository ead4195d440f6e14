package dev.stormproof.bench.jmh;

import static org.bytedeco.opencv.global.opencv_core.minMaxLoc;
import static org.bytedeco.opencv.global.opencv_core.setNumThreads;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.TM_CCOEFF_NORMED;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.matchTemplate;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.stormproof.bench.Scene;
import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The raw TM_CCOEFF_NORMED kernel (one OpenCV thread) at each pyramid setting a coarse-to-fine
 * matcher can choose: the whole gray screen at scale 1, 0.5 and 0.25 (screen and template
 * downscaled alike), and a 400x400 region at full resolution (the refine step). Result Mats are
 * reused; everything is freed in tear-down.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MatchKernelBench {
  @Param({"1.0", "0.5", "0.25", "region400"})
  public String setting;

  private Mat screen;
  private Mat template;
  private Mat result;
  private Point loc;
  private final double[] best = new double[1];

  @Setup(Level.Trial)
  public void setUp() {
    setNumThreads(1);
    Scene scene = BenchScene.get();
    Mat fullScreen = gray(scene.screen());
    Mat fullTemplate = gray(scene.template());
    if (setting.equals("region400")) {
      int x = Math.max(0, scene.truth().x - 150);
      int y = Math.max(0, scene.truth().y - 150);
      screen = new Mat(fullScreen, new Rect(x, y, 400, 400)).clone();
      template = fullTemplate.clone();
    } else {
      double f = Double.parseDouble(setting);
      screen = new Mat();
      template = new Mat();
      resize(fullScreen, screen, new Size(), f, f, INTER_AREA);
      resize(fullTemplate, template, new Size(), f, f, INTER_AREA);
    }
    fullScreen.close();
    fullTemplate.close();
    result = new Mat();
    loc = new Point();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    screen.close();
    template.close();
    result.close();
    loc.close();
  }

  @Benchmark
  public int matchTemplateMinMaxLoc() {
    matchTemplate(screen, template, result, TM_CCOEFF_NORMED);
    minMaxLoc(result, null, best, null, loc, null);
    return loc.x();
  }

  static Mat gray(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
    byte[] rgb = new byte[w * h * 3];
    for (int i = 0; i < argb.length; i++) {
      rgb[3 * i] = (byte) (argb[i] >> 16);
      rgb[3 * i + 1] = (byte) (argb[i] >> 8);
      rgb[3 * i + 2] = (byte) argb[i];
    }
    try (BytePointer data = new BytePointer(rgb);
        Mat color = new Mat(h, w, org.bytedeco.opencv.global.opencv_core.CV_8UC3, data)) {
      Mat gray = new Mat();
      cvtColor(color, gray, COLOR_RGB2GRAY);
      return gray;
    }
  }
}
