package dev.stormproof.vision;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_core.max;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY_INV;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_OTSU;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import org.bytedeco.opencv.opencv_core.Mat;
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
     * The brightest pixels are the text: threshold the max of R, G, B high, so white or gold
     * fill stays and its dark outline, shadow and the button face go. Strips outlines.
     */
    BRIGHT_FILL,
    /** Otsu on the max channel, polarity from the region's border (the ground touches it). */
    OTSU,
    /** The scaled grey image as is: Tesseract binarizes it itself. */
    GREY
  }

  /** Region heights up to this are taken as one line of text and scaled to {@link #LINE_HEIGHT}. */
  static final int SINGLE_LINE_MAX = 240;
  static final int LINE_HEIGHT = 96;
  static final int MARGIN = 12;

  /** The factor that brings a region of {@code height} px to a readable text size. */
  static double scale(int height) {
    if (height > SINGLE_LINE_MAX) {
      return 1; // a block or the whole screen: phone text is already large enough
    }
    return Math.max(0.5, Math.min(4, LINE_HEIGHT / (double) height));
  }

  /**
   * The region of {@code frame} prepared with {@code variant}, scaled by {@code scale}.
   *
   * @return a CV_8UC1 image owned by the calling scope
   */
  static Mat prepare(Frame frame, Region region, Variant variant, double scale) {
    Mat value;
    try (Rect r = new Rect(region.x(), region.y(), region.width(), region.height())) {
      Mat rgba = frame.rgba().apply(r);
      if (variant == Variant.GREY) {
        value = frame.gray().apply(r);
      } else {
        // max(R, G, B): white, yellow and gold letters are all bright in it; plain grey would
        // drop the darker half of a gold gradient below the threshold.
        Mat red = new Mat();
        Mat green = new Mat();
        Mat blue = new Mat();
        extractChannel(rgba, red, 0);
        extractChannel(rgba, green, 1);
        extractChannel(rgba, blue, 2);
        value = new Mat();
        max(red, green, value);
        max(value, blue, value);
      }
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
        threshold(scaled, out, Math.max(t, 200), 255, THRESH_BINARY_INV);
      }
      case OTSU -> {
        threshold(scaled, out, 0, 255, THRESH_BINARY | THRESH_OTSU);
        if (borderMostlyDark(out)) {
          // The ground is dark, so the text is the light class: Tesseract wants it dark.
          Mat inv = new Mat();
          threshold(out, inv, 127, 255, THRESH_BINARY_INV);
          out = inv;
        }
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
