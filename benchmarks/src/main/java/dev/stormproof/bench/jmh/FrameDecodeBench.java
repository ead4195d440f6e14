package dev.stormproof.bench.jmh;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGBA2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import dev.stormproof.bench.Scene;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One 1080x2400 frame into a Mat: PNG (what {@code screencap -p} sends) decoded by OpenCV or by
 * ImageIO, versus raw RGBA_8888 (what {@code screencap} without {@code -p} sends) copied into a
 * reused Mat, with and without conversion to gray. Target Mats are reused across invocations
 * (frames are reused, never reallocated per capture) and freed in tear-down.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FrameDecodeBench {
  private byte[] png;
  private byte[] rgba;
  private BytePointer pngNative;
  private Mat pngMat;
  private Mat rgbaMat;
  private Mat gray;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Scene scene = BenchScene.get();
    BufferedImage screen = scene.screen();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(screen, "png", bytes);
    png = bytes.toByteArray();
    int w = screen.getWidth();
    int h = screen.getHeight();
    rgba = new byte[w * h * 4];
    int[] argb = screen.getRGB(0, 0, w, h, null, 0, w);
    for (int i = 0; i < argb.length; i++) {
      rgba[4 * i] = (byte) (argb[i] >> 16);
      rgba[4 * i + 1] = (byte) (argb[i] >> 8);
      rgba[4 * i + 2] = (byte) argb[i];
      rgba[4 * i + 3] = (byte) 0xff;
    }
    pngNative = new BytePointer(png);
    pngMat = new Mat(1, png.length, org.bytedeco.opencv.global.opencv_core.CV_8UC1, pngNative);
    rgbaMat = new Mat(h, w, CV_8UC4);
    gray = new Mat();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    gray.close();
    rgbaMat.close();
    pngMat.close();
    pngNative.close();
  }

  @Benchmark
  public int pngOpenCvImdecode() {
    try (Mat m = imdecode(pngMat, IMREAD_COLOR)) {
      return m.cols();
    }
  }

  @Benchmark
  public int pngImageIo() throws IOException {
    return ImageIO.read(new ByteArrayInputStream(png)).getWidth();
  }

  @Benchmark
  public int rawRgbaToMat() {
    rgbaMat.data().put(rgba, 0, rgba.length);
    return rgbaMat.cols();
  }

  @Benchmark
  public int rawRgbaToGrayMat() {
    rgbaMat.data().put(rgba, 0, rgba.length);
    cvtColor(rgbaMat, gray, COLOR_RGBA2GRAY);
    return gray.cols();
  }
}
