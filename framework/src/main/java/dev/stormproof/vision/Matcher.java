package dev.stormproof.vision;

import static org.bytedeco.opencv.global.opencv_imgproc.TM_CCOEFF_NORMED;
import static org.bytedeco.opencv.global.opencv_imgproc.matchTemplate;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Coarse-to-fine TM_CCOEFF_NORMED search of one template on one {@link Frame}.
 *
 * <ol>
 *   <li>Coarse: the smallest frame pyramid level where the template keeps at least
 *       {@value #COARSE_SIDE} px (the cost is the level's area: 270x600 takes ~4 ms, 540x1200
 *       ~14 ms, 1080x2400 ~60-90 ms on 2 cores), matched at a handful of template
 *       scales {@value #COARSE_STEP} apart covering the scale range (the template is resized,
 *       not the frame, so all scales share one downscaled frame).</li>
 *   <li>The top {@value #TOP_K} distinct coarse peaks over all scales (the single best coarse
 *       peak is sometimes a look-alike), or every peak above a floor for {@code findAll}.</li>
 *   <li>Refine each at full resolution in a window a few pixels around it (position only);
 *       then, for a scale range, hill-climb the scale of the leading candidates with halving
 *       steps (4 rounds, ~1% final step) instead of a naive scale loop.</li>
 *   <li>Optional colour check: mean BGR distance between match and template.</li>
 * </ol>
 * Stateless; runs inside a {@link Gate.Call} whose scope owns the temporaries.
 */
final class Matcher {

  static final int COARSE_SIDE = 16;
  static final int TOP_K = 5;
  static final double COARSE_STEP = 1.2;
  static final double HOPELESS = 0.35;
  static final int PER_SCALE = 2;
  static final double FINE_RATIO = 1.023;

  /** What to search for; resolved from a {@link Template} and the Vision's options. */
  record Spec(double threshold, Region region, double minScale, double maxScale, boolean colorCheck,
      double colorTolerance, boolean all, int maxResults) {}

  /** A refined candidate; {@code colorDistance} is NaN when not checked. */
  record Candidate(int x, int y, int w, int h, double score, double scale, double colorDistance) {
    Region region() {
      return new Region(x, y, w, h);
    }
  }

  /** Refined candidates, best score first; never null. Immutable Java data (cacheable). */
  record Result(List<Candidate> candidates, int level, double coarseScale, int coarseX, int coarseY) {}

  private record Coarse(int x, int y, double scale, double score, int w, int h) {}

  private Matcher() {}

  static Result search(Frame frame, TemplateImage tpl, Spec spec, Workspace ws, LedgerScope scope) {
    dev.stormproof.device.Size screen = frame.size();
    Region roi = spec.region() == null ? new Region(0, 0, screen.width(), screen.height())
        : spec.region().clip(screen);
    if (roi == null) {
      throw new TemplateException("template " + tpl.path + ": search region " + spec.region()
          + " lies outside the " + screen + " screen: use a region inside it");
    }
    String area = spec.region() == null ? "the " + screen + " screen"
        : "search region " + spec.region() + " (" + roi.width() + "x" + roi.height() + " on the " + screen + " screen)";
    double smin = spec.minScale();
    double smax = Math.min(spec.maxScale(), Math.min((double) roi.width() / tpl.width, (double) roi.height() / tpl.height));
    if (smax < smin) {
      throw new TemplateException(String.format(java.util.Locale.ROOT,
          "template %s (%dx%d at scale %.2f) is larger than %s: crop a smaller template or search a larger region",
          tpl.path, Math.round(tpl.width * smin), Math.round(tpl.height * smin), smin, area));
    }
    double[] scales = coarseScales(smin, smax);
    int level = 0;
    while (level < 4 && Math.min(tpl.width, tpl.height) * smin / (1 << (level + 1)) >= COARSE_SIDE) {
      level++;
    }
    int d = 1 << level;
    Mat levelMat = frame.level(level, scope);
    int lx = roi.x() / d;
    int ly = roi.y() / d;
    int lw = Math.min(levelMat.cols() - lx, (roi.right() + d - 1) / d - lx);
    int lh = Math.min(levelMat.rows() - ly, (roi.bottom() + d - 1) / d - ly);
    int perScale = spec.all() ? spec.maxResults() * 2 : TOP_K;
    // Colour-checked: look-alikes of the wrong colour are dropped after the peak scan, so scan deeper.
    int peaksPerScale = spec.colorCheck() ? Math.max(64, perScale * 8) : perScale;
    // Low on purpose: at a coarse scale 10% off, a wide text label scores ~0.5 before the scale climb.
    double floor = spec.all() ? Math.max(0.3, spec.threshold() - 0.5) : -1;
    List<Coarse> coarse = new ArrayList<>();
    Mat view = levelMat.apply(new Rect(lx, ly, lw, lh));
    for (int i = 0; i < scales.length; i++) {
      Mat t = tpl.gray(scales[i] / d);
      if (t == null || t.cols() > lw || t.rows() > lh) {
        continue;
      }
      Mat res = ws.result(i, lh - t.rows() + 1, lw - t.cols() + 1, scope);
      matchTemplate(view, t, res, TM_CCOEFF_NORMED);
      for (float[] p : peaks(res, peaksPerScale, floor, Math.max(1, t.cols() / 2), Math.max(1, t.rows() / 2))) {
        coarse.add(new Coarse(((int) p[0] + lx) * d, ((int) p[1] + ly) * d, scales[i], p[2],
            (int) Math.round(tpl.width * scales[i]), (int) Math.round(tpl.height * scales[i])));
      }
    }
    coarse.sort(Comparator.comparingDouble(Coarse::score).reversed());
    // The best TOP_K overall plus the best PER_SCALE of every scale: coarse scores of different
    // scales are not comparable (a small template matches clutter more easily), and on a 4/3
    // screen the true buttons at scale 1.4 ranked below clutter at 0.7.
    List<Coarse> distinct = new ArrayList<>();
    int[] taken = new int[scales.length];
    int overall = 0;
    Coarse rejected = null;
    for (Coarse c : coarse) {
      boolean near = false;
      for (Coarse k : distinct) {
        near |= Math.abs(c.x + c.w / 2 - k.x - k.w / 2) < k.w / 2 && Math.abs(c.y + c.h / 2 - k.y - k.h / 2) < k.h / 2;
      }
      if (near) {
        continue;
      }
      // Colour-checked templates: drop look-alikes of the wrong colour before they take a slot
      // (six green BUY buttons must not hide the red one). A little slack: the coarse position
      // is approximate.
      if (spec.colorCheck() && colorDistance(frame, tpl, c.x, c.y, c.w, c.h, roi) > 1.25 * spec.colorTolerance()) {
        rejected = rejected == null ? c : rejected;
        continue;
      }
      int si = java.util.Arrays.binarySearch(scales, c.scale);
      boolean perScaleSlot = si >= 0 && taken[si] < PER_SCALE;
      if (overall < perScale || perScaleSlot) {
        distinct.add(c);
        overall++;
        if (si >= 0) {
          taken[si]++;
        }
      }
      if (overall >= perScale + PER_SCALE * scales.length) {
        break;
      }
    }
    if (distinct.isEmpty() && rejected != null) {
      distinct.add(rejected); // refined anyway so a failure can say "right shape, wrong colour"
    }
    boolean scaleSearch = scales.length > 1;
    Region lroi = new Region(lx, ly, lw, lh);
    for (int i = 0; scaleSearch && i < distinct.size(); i++) {
      distinct.set(i, climbCoarse(levelMat, lroi, tpl, distinct.get(i), d, smin, smax));
    }
    // Pass 1: every candidate at full resolution at its coarse scale (position only).
    List<Candidate> refined = new ArrayList<>();
    for (Coarse c : distinct) {
      int margin = d + 2 + (scaleSearch ? (int) Math.ceil(0.02 * Math.max(c.w, c.h)) : 0);
      Candidate r = evaluate(frame.gray(), roi, tpl, c.scale, c.x + c.w / 2, c.y + c.h / 2, margin);
      if (r != null) {
        refined.add(r);
      }
    }
    refined.sort(Comparator.comparingDouble(Candidate::score).reversed());
    // Pass 2: hill-climb the scale of the leaders only; every instance of a template on one
    // screen shares the screen's scale, so the others are re-evaluated at the leader's scale
    // instead of climbing each.
    if (scaleSearch && !refined.isEmpty()) {
      double top = refined.get(0).score;
      int leaders = spec.all() ? TOP_K : 2;
      Candidate leader = null;
      for (int i = 0; i < refined.size(); i++) {
        Candidate r = refined.get(i);
        // Below threshold - HOPELESS even a 10% scale error does not explain the gap (measured on
        // Arena text buttons: 0.63 at 10% off, 0.97 at the right scale).
        boolean lead = i < leaders || r.score >= top - 0.05;
        if (r.score < 0.985 && r.score >= spec.threshold() - HOPELESS && lead) {
          refined.set(i, rescue(frame, tpl, r, roi, smin, smax, spec.threshold()));
        }
        if (lead) {
          leader = leader == null || refined.get(i).score > leader.score ? refined.get(i) : leader;
        }
      }
      for (int i = 0; spec.all() && i < refined.size(); i++) {
        Candidate r = refined.get(i);
        if (Math.abs(r.scale / leader.scale - 1) > 0.005) {
          int margin = 3 + (int) Math.ceil(0.05 * Math.max(r.w, r.h));
          Candidate k = evaluate(frame.gray(), roi, tpl, leader.scale, r.x + r.w / 2, r.y + r.h / 2, margin);
          if (k != null && k.score > r.score) {
            refined.set(i, k);
          }
        }
        r = refined.get(i);
        if (r.score < spec.threshold() && r.score >= spec.threshold() - HOPELESS) {
          refined.set(i, rescue(frame, tpl, r, roi, smin, smax, spec.threshold()));
        }
      }
    }
    for (int i = 0; spec.colorCheck() && i < refined.size(); i++) {
      Candidate r = refined.get(i);
      refined.set(i, new Candidate(r.x, r.y, r.w, r.h, r.score, r.scale,
          colorDistance(frame, tpl, r.x, r.y, r.w, r.h, roi)));
    }
    refined.sort(Comparator.comparingDouble(Candidate::score).reversed());
    // Two coarse peaks may converge on one object: keep the better.
    List<Candidate> unique = new ArrayList<>();
    for (Candidate c : refined) {
      if (unique.stream().noneMatch(u -> u.region().iou(c.region()) > 0.5)) {
        unique.add(c);
      }
    }
    Coarse top = distinct.isEmpty() ? null : distinct.get(0);
    return new Result(List.copyOf(unique), level, top == null ? scales[0] : top.scale(),
        top == null ? -1 : top.x(), top == null ? -1 : top.y());
  }

  private static double sq(double v) {
    return v * v;
  }

  /** Scales {@value #COARSE_STEP} apart spanning [min, max], including 1.0 when in range. */
  static double[] coarseScales(double min, double max) {
    if (max / min < 1.0001) {
      return new double[] {min};
    }
    int n = (int) Math.ceil(Math.log(max / min) / Math.log(COARSE_STEP)) + 1;
    double[] s = new double[n];
    double step = Math.pow(max / min, 1.0 / (n - 1));
    int nearestToOne = -1;
    for (int i = 0; i < n; i++) {
      s[i] = min * Math.pow(step, i);
      if (nearestToOne < 0 || Math.abs(Math.log(s[i])) < Math.abs(Math.log(s[nearestToOne]))) {
        nearestToOne = i;
      }
    }
    if (min <= 1 && max >= 1) {
      s[nearestToOne] = 1.0; // the common case (same resolution) gets an exact template
    }
    return s;
  }

  /** Normalised mean-BGR distance in [0, 1] between the frame rectangle and the template. */
  static double colorDistance(Frame frame, TemplateImage tpl, int x, int y, int w, int h, Region roi) {
    int x0 = Math.max(roi.x(), x);
    int y0 = Math.max(roi.y(), y);
    int x1 = Math.min(roi.right(), x + w);
    int y1 = Math.min(roi.bottom(), y + h);
    if (x1 <= x0 || y1 <= y0) {
      return 1;
    }
    double[] m = frame.meanBgr(x0, y0, x1 - x0, y1 - y0);
    return Math.sqrt(sq(m[0] - tpl.meanBgr[0]) + sq(m[1] - tpl.meanBgr[1]) + sq(m[2] - tpl.meanBgr[2]))
        / (255 * Math.sqrt(3));
  }

  /**
   * Refines a coarse candidate's scale on the pyramid level (windows of a few coarse pixels, so
   * ~0.05 ms a step): halving ratios from sqrt(step), 3 rounds, ~2% final precision. Wide text
   * templates need this before full resolution, where 5% off scores ~0.5.
   */
  private static Coarse climbCoarse(Mat level, Region lroi, TemplateImage tpl, Coarse c, int d,
      double smin, double smax) {
    Coarse best = c;
    double ratio = Math.sqrt(COARSE_STEP);
    for (int round = 0; round < 3; round++) {
      Coarse center = best;
      for (double s : new double[] {center.scale * ratio, center.scale / ratio}) {
        double clamped = Math.max(smin, Math.min(smax, s));
        if (Math.abs(clamped - center.scale) < 1e-4) {
          continue;
        }
        Candidate k = evaluate(level, lroi, tpl, clamped / d, (center.x + center.w / 2) / d,
            (center.y + center.h / 2) / d, 2);
        if (k != null && k.score > best.score) {
          best = new Coarse(k.x * d, k.y * d, clamped, k.score, (int) Math.round(tpl.width * clamped),
              (int) Math.round(tpl.height * clamped));
        }
      }
      ratio = Math.sqrt(ratio);
    }
    return best;
  }

  /** Fine scale climb; if still below threshold, a wide one (the coarse scale estimate may be off). */
  private static Candidate rescue(Frame frame, TemplateImage tpl, Candidate r, Region roi, double smin,
      double smax, double threshold) {
    r = climbScale(frame, tpl, r, roi, smin, smax, FINE_RATIO, 3);
    return r.score < threshold ? climbScale(frame, tpl, r, roi, smin, smax, Math.sqrt(COARSE_STEP), 4) : r;
  }

  /**
   * Hill-climbs the scale at full resolution from {@code start} with halving ratios, keeping the
   * centre fixed so each step needs only a few pixels of search window.
   */
  private static Candidate climbScale(Frame frame, TemplateImage tpl, Candidate start, Region roi,
      double smin, double smax, double firstRatio, int rounds) {
    Candidate best = start;
    double ratio = firstRatio;
    for (int round = 0; round < rounds; round++) {
      Candidate center = best;
      for (double s : new double[] {center.scale * ratio, center.scale / ratio}) {
        double clamped = Math.max(smin, Math.min(smax, s));
        if (Math.abs(clamped - center.scale) < 1e-4) {
          continue;
        }
        Candidate k = evaluate(frame.gray(), roi, tpl, clamped, center.x + center.w / 2, center.y + center.h / 2, 3);
        if (k != null && k.score > best.score) {
          best = k;
        }
      }
      ratio = Math.sqrt(ratio);
    }
    return best;
  }

  /**
   * Matches the template resized by {@code scale} centred near (cx, cy), +-margin px, inside
   * {@code roi} of {@code image} (the full-resolution gray frame or a pyramid level).
   */
  private static Candidate evaluate(Mat image, Region roi, TemplateImage tpl, double scale, int cx, int cy, int margin) {
    Mat t = tpl.gray(scale);
    if (t == null) {
      return null;
    }
    int x = cx - t.cols() / 2;
    int y = cy - t.rows() / 2;
    int x0 = Math.max(roi.x(), x - margin);
    int y0 = Math.max(roi.y(), y - margin);
    int x1 = Math.min(roi.right(), x + t.cols() + margin);
    int y1 = Math.min(roi.bottom(), y + t.rows() + margin);
    if (x1 - x0 < t.cols() || y1 - y0 < t.rows()) {
      return null;
    }
    Mat window = image.apply(new Rect(x0, y0, x1 - x0, y1 - y0));
    Mat res = new Mat(y1 - y0 - t.rows() + 1, x1 - x0 - t.cols() + 1, opencv_core.CV_32F);
    matchTemplate(window, t, res, TM_CCOEFF_NORMED);
    float[] p = peaks(res, 1, -2, 1, 1).get(0);
    return new Candidate(x0 + (int) p[0], y0 + (int) p[1], t.cols(), t.rows(), p[2],
        t.cols() / (double) tpl.width, Double.NaN);
  }

  /**
   * Local maxima of a CV_32F score map (at least {@code floor}), best first, greedily
   * suppressing peaks within (rx, ry) of a better one; at most {@code limit}. Done in Java on
   * a copy of the map: one bulk read instead of a native call (and allocation) per peak.
   */
  static List<float[]> peaks(Mat res, int limit, double floor, int rx, int ry) {
    int w = res.cols();
    int h = res.rows();
    float[] v = new float[w * h];
    FloatBuffer fb = res.createBuffer();
    fb.get(v);
    // Peaks far below the best cannot win after refinement (coarse scores of the true match
    // and of a look-alike differ by well under 0.35); skipping them keeps the scan cheap.
    float best = -2;
    for (float s : v) {
      if (s > best && !Float.isInfinite(s)) {
        best = s;
      }
    }
    double bound = Math.max(floor, best - 0.35);
    List<float[]> found = new ArrayList<>();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        float s = v[y * w + x];
        if (!(s >= bound) || Float.isInfinite(s)) {
          continue;
        }
        boolean max = true;
        for (int dy = -1; dy <= 1 && max; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            int xx = x + dx;
            int yy = y + dy;
            // Strict against earlier neighbours, so a plateau yields one peak, not hundreds.
            if ((dx != 0 || dy != 0) && xx >= 0 && yy >= 0 && xx < w && yy < h
                && (v[yy * w + xx] > s || (v[yy * w + xx] == s && (dy < 0 || (dy == 0 && dx < 0))))) {
              max = false;
              break;
            }
          }
        }
        if (max) {
          found.add(new float[] {x, y, s});
        }
      }
    }
    found.sort((a, b) -> Float.compare(b[2], a[2]));
    List<float[]> kept = new ArrayList<>();
    for (float[] p : found) {
      boolean near = false;
      for (float[] k : kept) {
        if (Math.abs(p[0] - k[0]) < rx && Math.abs(p[1] - k[1]) < ry) {
          near = true;
          break;
        }
      }
      if (!near) {
        kept.add(p);
        if (kept.size() >= limit) {
          break;
        }
      }
    }
    if (kept.isEmpty()) {
      kept.add(new float[] {0, 0, Float.isNaN(v[0]) ? -1 : v[0]});
    }
    return kept;
  }
}
