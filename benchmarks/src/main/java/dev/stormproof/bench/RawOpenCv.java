package dev.stormproof.bench;

import static org.bytedeco.opencv.global.opencv_core.minMaxLoc;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.TM_CCOEFF_NORMED;
import static org.bytedeco.opencv.global.opencv_imgproc.matchTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;

/**
 * The baseline kernel every matcher is built on: bytedeco OpenCV {@code matchTemplate}
 * TM_CCOEFF_NORMED on the full-resolution gray screen, then {@code minMaxLoc}. Every native
 * buffer lives in a {@link PointerScope} closed before returning.
 */
final class RawOpenCv {
  private RawOpenCv() {
  }

  /** Times match + minMaxLoc only; both images are decoded to gray once, outside the timing. */
  static Outcome matchOnly(Path screenPng, Path templatePng, int warmup, int runs) {
    try (PointerScope scope = new PointerScope()) {
      Mat screen = imread(screenPng.toString(), IMREAD_GRAYSCALE);
      Mat template = imread(templatePng.toString(), IMREAD_GRAYSCALE);
      Mat result = new Mat();
      Point loc = new Point();
      double[] best = new double[1];
      long[] nanos = new long[runs];
      for (int i = -warmup; i < runs; i++) {
        long t0 = System.nanoTime();
        matchTemplate(screen, template, result, TM_CCOEFF_NORMED);
        minMaxLoc(result, null, best, null, loc, null);
        long t = System.nanoTime() - t0;
        if (i >= 0) {
          nanos[i] = t;
        }
      }
      return new Outcome(loc.x(), loc.y(), best[0], nanos, "match + minMaxLoc on pre-decoded gray Mats");
    }
  }

  /** Times PNG decode to gray of both images + match + minMaxLoc (what an encoded-image API does). */
  static Outcome withDecode(Path screenPng, Path templatePng, int warmup, int runs) {
    byte[] screenBytes = read(screenPng);
    byte[] templateBytes = read(templatePng);
    long[] nanos = new long[runs];
    int x = -1;
    int y = -1;
    double score = Double.NaN;
    for (int i = -warmup; i < runs; i++) {
      try (PointerScope scope = new PointerScope()) {
        long t0 = System.nanoTime();
        Mat screen = imdecode(new Mat(new BytePointer(screenBytes)), IMREAD_GRAYSCALE);
        Mat template = imdecode(new Mat(new BytePointer(templateBytes)), IMREAD_GRAYSCALE);
        Mat result = new Mat();
        Point loc = new Point();
        double[] best = new double[1];
        matchTemplate(screen, template, result, TM_CCOEFF_NORMED);
        minMaxLoc(result, null, best, null, loc, null);
        long t = System.nanoTime() - t0;
        if (i >= 0) {
          nanos[i] = t;
        }
        x = loc.x();
        y = loc.y();
        score = best[0];
      }
    }
    return new Outcome(x, y, score, nanos, "PNG decode (imdecode gray) of both + match + minMaxLoc");
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
  }
}
