package dev.stormproof.vision;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY_INV;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_OTSU;
import static org.bytedeco.opencv.global.opencv_core.CMP_EQ;
import static org.bytedeco.opencv.global.opencv_core.CV_32SC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.compare;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_HEIGHT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_LEFT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_TOP;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_WIDTH;
import static org.bytedeco.opencv.global.opencv_imgproc.connectedComponentsWithStats;
import static org.bytedeco.opencv.global.opencv_imgproc.floodFill;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Turns a screen region into images Tesseract reads well: dark text on white, a capital height
 * of about 30-40 px, a white margin. Game text defeats any single recipe (white letters with a
 * dark outline on a gradient button, brown letters on a light card, gold on purple), so there are
 * several {@link Variant}s and the reader keeps the one Tesseract is most confident about. Every
 * Mat is allocated in the calling scope and freed when the call ends.
 */
final class TextPrep {

  private TextPrep() {}

  /** Ways to binarize a region, tried in this order. */
  enum Variant {
    /**
     * The brightest pixels are the text: threshold the grey high, so a white or light fill stays
     * and its dark outline, shadow and the button face go. Strips outlines.
     */
    BRIGHT_FILL,
    /** Otsu on the grey, polarity from the region's border (the ground touches it). */
    OTSU,
    /** The scaled grey image as is: Tesseract binarizes it itself. */
    GREY
  }

  /** Region heights up to this (or a quarter of the screen's short side) are one line of text. */
  static final int SINGLE_LINE_MAX = 240;
  static final int LINE_HEIGHT = 96;

  /**
   * Whether {@code region} is read as one line: proportional to the screen, so the same design
   * region is a line at 720x1600 and at 1440x3200.
   */
  static boolean isLine(Region region, dev.stormproof.device.Size screen) {
    return region.height() <= Math.max(SINGLE_LINE_MAX, Math.min(screen.width(), screen.height()) / 4);
  }

  /** The factor that brings a region to a readable text size: lines to {@link #LINE_HEIGHT}. */
  static double scale(Region region, dev.stormproof.device.Size screen) {
    if (!isLine(region, screen)) {
      return 1; // a block or the whole screen: phone text is already large enough
    }
    return Math.max(0.3, Math.min(4, LINE_HEIGHT / (double) region.height()));
  }

  static final int MARGIN = 12;
  /** Grey level a fill must reach: above a green button's glossy top (about 210), below white. */
  private static final int BRIGHT = 225;

  /**
   * The region of {@code frame} prepared with {@code variant}, scaled by {@code scale}.
   *
   * @return a CV_8UC1 image owned by the calling scope
   */
  static Mat prepare(Frame frame, Region region, Variant variant, double scale) {
    Mat value;
    try (Rect r = new Rect(region.x(), region.y(), region.width(), region.height())) {
      value = frame.gray().apply(r);
    }
    Mat scaled = new Mat();
    if (scale == 1) {
      scaled = value;
    } else {
      resize(value, scaled, new org.bytedeco.opencv.opencv_core.Size(), scale, scale, scale > 1 ? INTER_CUBIC : INTER_AREA);
    }
    Mat out = new Mat();
    switch (variant) {
      case BRIGHT_FILL -> {
        Mat otsu = new Mat();
        double t = threshold(scaled, otsu, 0, 255, THRESH_BINARY | THRESH_OTSU);
        threshold(scaled, out, Math.max(t, BRIGHT), 255, THRESH_BINARY_INV);
        clearBorder(out);
        keepGlyphs(out);
      }
      case OTSU -> {
        threshold(scaled, out, 0, 255, THRESH_BINARY | THRESH_OTSU);
        if (borderMostlyDark(out)) {
          // The ground is dark, so the text is the light class: Tesseract wants it dark.
          Mat inv = new Mat();
          threshold(out, inv, 127, 255, THRESH_BINARY_INV);
          out = inv;
        }
        clearBorder(out);
        keepGlyphs(out);
      }
      case GREY -> out = scaled.clone();
    }
    Mat padded = new Mat();
    if (variant == Variant.GREY) {
      copyMakeBorder(out, padded, MARGIN, MARGIN, MARGIN, MARGIN, BORDER_REPLICATE);
    } else {
      copyMakeBorder(out, padded, MARGIN, MARGIN, MARGIN, MARGIN, BORDER_CONSTANT, new Scalar(255.0));
    }
    return padded;
  }

  /**
   * Whitens every dark blob touching the image's top or bottom edge: what the region cut through
   * there (the light card around a button, a rounded corner) is not text, and Tesseract reads
   * such slivers as brackets and bars. Left and right stay: a tight region's first or last
   * letter may touch them.
   */
  static void clearBorder(Mat binary) {
    int w = binary.cols();
    int h = binary.rows();
    try (UByteIndexer px = binary.createIndexer()) {
      for (int x = 0; x < w; x++) {
        fill(binary, px, x, 0);
        fill(binary, px, x, h - 1);
      }
    }
  }

  /**
   * Whitens dark blobs that cannot be letters of the line: specks much lower than the typical
   * glyph (gloss edges, sparkles) and blobs much taller or wider (a button face, a bar).
   */
  static void keepGlyphs(Mat binary) {
    Mat ink = new Mat();
    threshold(binary, ink, 127, 255, THRESH_BINARY_INV);
    Mat labels = new Mat();
    Mat stats = new Mat();
    Mat centroids = new Mat();
    int n = connectedComponentsWithStats(ink, labels, stats, centroids);
    if (n <= 2) {
      return;
    }
    int[] heights = new int[n - 1];
    try (IntIndexer st = stats.createIndexer()) {
      for (int i = 1; i < n; i++) {
        heights[i - 1] = st.get(i, CC_STAT_HEIGHT);
      }
      int[] sorted = heights.clone();
      java.util.Arrays.sort(sorted);
      int typical = sorted[(sorted.length * 3) / 4]; // upper quartile: specks outnumber letters
      int w = binary.cols();
      for (int i = 1; i < n; i++) {
        int h = st.get(i, CC_STAT_HEIGHT);
        if (h < typical * 0.45 || h > typical * 2.2 || st.get(i, CC_STAT_WIDTH) > w * 0.8) {
          try (Rect box = new Rect(st.get(i, CC_STAT_LEFT), st.get(i, CC_STAT_TOP), st.get(i, CC_STAT_WIDTH), h)) {
            Mat mask = new Mat();
            compare(labels.apply(box), new Mat(1, 1, CV_32SC1, new Scalar(i)), mask, CMP_EQ);
            binary.apply(box).setTo(new Mat(1, 1, CV_8UC1, new Scalar(255.0)), mask);
          }
        }
      }
    }
  }

  private static void fill(Mat binary, UByteIndexer px, int x, int y) {
    if (px.get(y, x) == 0) {
      try (Point seed = new Point(x, y); Scalar white = new Scalar(255.0)) {
        floodFill(binary, seed, white);
      }
    }
  }

  /** Whether most pixels of the one-pixel border of a binary image are black. */
  static boolean borderMostlyDark(Mat binary) {
    int w = binary.cols();
    int h = binary.rows();
    int white = 0;
    try (Rect top = new Rect(0, 0, w, 1); Rect bottom = new Rect(0, h - 1, w, 1);
        Rect left = new Rect(0, 0, 1, h); Rect right = new Rect(w - 1, 0, 1, h)) {
      white += countNonZero(binary.apply(top)) + countNonZero(binary.apply(bottom));
      white += countNonZero(binary.apply(left)) + countNonZero(binary.apply(right));
    }
    return white * 2 < 2 * (w + h);
  }
}
