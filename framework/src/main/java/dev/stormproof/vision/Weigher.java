package dev.stormproof.vision;

import java.util.ArrayList;
import java.util.List;

/**
 * The bodies of {@link Vision#candidates} and {@link Vision#heatmap}: searches for tools (the
 * inspector, the template lint) that need every candidate, not the accepted match. Each runs in
 * a call of the Vision, whose scope frees the temporaries.
 */
final class Weigher {

  private Weigher() {}

  static List<Candidate> candidates(Vision vision, Template template, Frame frame) {
    VisionOptions options = vision.options;
    double base = options.baseScale(frame.width(), frame.height());
    Matcher.Spec spec = new Matcher.Spec(template.threshold(options), template.region(), template.minScale(options) * base,
        template.maxScale(options) * base, template.colorCheck(), options.colorTolerance(), false, options.maxResults());
    vision.countSearch();
    try (Gate.Call call = vision.enter("weighing " + template.path());
        Gate.Call use = frame.use("weighing " + template.path())) {
      vision.checkOwn(frame);
      TemplateImage image = template.library().acquire(template.path());
      Workspace ws = vision.takeWorkspace();
      try {
        Matcher.Result r = Matcher.search(frame, image, spec, ws, call.scope);
        Region whole = new Region(0, 0, frame.width(), frame.height());
        List<Candidate> out = new ArrayList<>();
        for (Matcher.Candidate c : r.candidates()) {
          // Measured for every candidate, also gray-only ones: the caller asks whether colour tells them apart.
          out.add(new Candidate(c.region(), c.score(), c.scale(),
              Matcher.colorDistance(frame, image, c.x(), c.y(), c.w(), c.h(), whole)));
        }
        return List.copyOf(out);
      } finally {
        vision.returnWorkspace(ws);
        image.release();
      }
    }
  }

  static byte[] heatmap(Vision vision, Template template, Frame frame) {
    List<Candidate> best = candidates(vision, template, frame);
    try (Gate.Call call = vision.enter("heat map of " + template.path());
        Gate.Call use = frame.use("heat map of " + template.path())) {
      TemplateImage image = template.library().acquire(template.path());
      try {
        byte[] png = Evidence.heatmap(frame, image, best.get(0).scale(), call.scope);
        if (png == null) {
          throw new TemplateException("template " + template.path() + " (" + image.width + "x" + image.height
              + ") is larger than the " + frame.size() + " screen: crop a smaller template");
        }
        return png;
      } finally {
        image.release();
      }
    }
  }
}
