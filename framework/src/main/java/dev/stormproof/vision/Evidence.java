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
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import dev.stormproof.report.ReportSink;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Failure attachments: annotated screenshot, template, score heatmap (all PNG). */
final class Evidence {

  private Evidence() {}

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
      Matcher.Result result, LedgerScope scope) {
    String name = tpl.path;
    Mat bgr = new Mat(frame.height(), frame.width(), opencv_core.CV_8UC3);
    cvtColor(frame.rgba(), bgr, COLOR_RGBA2BGR);
    if (best != null) {
      int thick = Math.max(3, frame.width() / 270);
      rectangle(bgr, new Point(best.x(), best.y()), new Point(best.x() + best.w(), best.y() + best.h()),
          new Scalar(0, 0, 255, 255), thick, 8, 0);
    }
    report.attach(name + " - screenshot, best candidate outlined", "image/png", "png", png(bgr));
    report.attach(name + " - template", "image/png", "png", png(tpl.bgr()));
    byte[] heat = heatmap(frame, tpl, best != null ? best.scale() : result.coarseScale(), scope);
    if (heat != null) {
      report.attach(name + " - score heatmap (" + heatLabel(frame, tpl, best != null ? best.scale() : result.coarseScale())
          + ", red = high)", "image/png", "png", heat);
    }
  }
}
