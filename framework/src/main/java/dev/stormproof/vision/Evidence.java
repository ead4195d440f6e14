package dev.stormproof.vision;

import static org.bytedeco.opencv.global.opencv_core.NORM_MINMAX;
import static org.bytedeco.opencv.global.opencv_core.normalize;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLORMAP_JET;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGBA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.TM_CCOEFF_NORMED;
import static org.bytedeco.opencv.global.opencv_imgproc.applyColorMap;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.matchTemplate;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.getTextSize;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;

import dev.stormproof.report.ReportSink;
import java.util.Locale;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Failure attachments: the screenshot as JPEG (a few hundred KB, not a 4 MB PNG) with the best
 * candidate boxed and labelled with its score and the threshold; the template and the score
 * heatmap as small PNGs.
 */
final class Evidence {

  private Evidence() {}

  /** White text on a red band above (or, at the top edge, below) the box corner at (x, y). */
  private static void label(Mat bgr, String text, int x, int y, int width) {
    double scale = Math.max(0.8, width / 900.0);
    int thickness = Math.max(2, (int) Math.round(scale * 2));
    int[] baseline = new int[1];
    Size size = getTextSize(text, FONT_HERSHEY_SIMPLEX, scale, thickness, baseline);
    int pad = thickness * 3;
    int w = size.width() + 2 * pad;
    int h = size.height() + baseline[0] + 2 * pad;
    int left = Math.max(0, Math.min(x, width - w));
    int top = y - h >= 0 ? y - h : y;
    rectangle(bgr, new Point(left, top), new Point(left + w, top + h), new Scalar(0, 0, 200, 255), FILLED, LINE_AA, 0);
    putText(bgr, text, new Point(left + pad, top + pad + size.height()), FONT_HERSHEY_SIMPLEX, scale,
        new Scalar(255, 255, 255, 255), thickness, LINE_AA, false);
  }

  static byte[] jpeg(Mat image, int quality) {
    try (BytePointer out = new BytePointer(); IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, quality)) {
      if (!imencode(".jpg", image, out, params)) {
        throw new IllegalStateException("OpenCV could not encode a " + LedgerScope.describe(image) + " as JPEG");
      }
      byte[] bytes = new byte[(int) out.limit()];
      out.get(bytes);
      return bytes;
    }
  }

  static byte[] png(Mat image) {
    try (BytePointer out = new BytePointer()) {
      if (!imencode(".png", image, out)) {
        throw new IllegalStateException("OpenCV could not encode a " + LedgerScope.describe(image) + " as PNG");
      }
      byte[] bytes = new byte[(int) out.limit()];
      out.get(bytes);
      return bytes;
    }
  }

  /** The pyramid level the coarse search uses for {@code tpl} at {@code scale} (as the matcher picks it). */
  static int level(TemplateImage tpl, double scale) {
    int level = 0;
    while (level < 4 && Math.min(tpl.width, tpl.height) * scale / (1 << (level + 1)) >= Matcher.COARSE_SIDE) {
      level++;
    }
    return level;
  }

  private static String heatLabel(Frame frame, TemplateImage tpl, double scale) {
    return "1/" + (1 << level(tpl, scale)) + " scale";
  }

  /**
   * The TM_CCOEFF_NORMED map of {@code tpl} at {@code scale} on the frame's coarse level as a
   * JET-coloured PNG, or null when the template does not fit the screen.
   */
  static byte[] heatmap(Frame frame, TemplateImage tpl, double scale, LedgerScope scope) {
    int d = 1 << level(tpl, scale);
    Mat level = frame.level(level(tpl, scale), scope);
    Mat t = tpl.gray(scale / d);
    if (t == null || t.cols() > level.cols() || t.rows() > level.rows()) {
      return null;
    }
    Mat res = new Mat(level.rows() - t.rows() + 1, level.cols() - t.cols() + 1, opencv_core.CV_32F);
    matchTemplate(level, t, res, TM_CCOEFF_NORMED);
    Mat gray8 = new Mat(res.rows(), res.cols(), opencv_core.CV_8UC1);
    normalize(res, gray8, 0, 255, NORM_MINMAX, opencv_core.CV_8U, new Mat());
    Mat heat = new Mat(res.rows(), res.cols(), opencv_core.CV_8UC3);
    applyColorMap(gray8, heat, COLORMAP_JET);
    return png(heat);
  }

  /**
   * Attaches the frame with the best candidate outlined (red), the template, and a heatmap of
   * the coarse score map at the best scale. Called inside a Vision call (scope owns temporaries).
   */
  static void attach(ReportSink report, Frame frame, TemplateImage tpl, Matcher.Candidate best,
      Matcher.Result result, double threshold, LedgerScope scope) {
    String name = tpl.path;
    Mat bgr = new Mat(frame.height(), frame.width(), opencv_core.CV_8UC3);
    cvtColor(frame.rgba(), bgr, COLOR_RGBA2BGR);
    int thick = Math.max(3, frame.width() / 270);
    String text = best == null ? String.format(Locale.ROOT, "no candidate (threshold %.2f)", threshold)
        : String.format(Locale.ROOT, "score %.2f %s threshold %.2f", best.score(), best.score() >= threshold ? ">=" : "<", threshold);
    int x = 0;
    int y = 0;
    if (best != null) {
      rectangle(bgr, new Point(best.x(), best.y()), new Point(best.x() + best.w(), best.y() + best.h()),
          new Scalar(0, 0, 255, 255), thick, 8, 0);
      x = best.x();
      y = best.y();
    }
    label(bgr, text, x, y, frame.width());
    report.attach(name + " - screenshot, best candidate boxed with score and threshold", "image/jpeg", "jpg", jpeg(bgr, 80));
    report.attach(name + " - template", "image/png", "png", png(tpl.bgr()));
    byte[] heat = heatmap(frame, tpl, best != null ? best.scale() : result.coarseScale(), scope);
    if (heat != null) {
      report.attach(name + " - score heatmap (" + heatLabel(frame, tpl, best != null ? best.scale() : result.coarseScale())
          + ", red = high)", "image/png", "png", heat);
    }
  }
}
