package dev.stormproof.vision;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.stormproof.leak.Ledger;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A decoded template with its preprocessing (gray, BGR, mean colour, resized gray variants),
 * owned by a {@link TemplateLibrary}.
 *
 * <p>Reference counted because the cache may evict it while another thread is matching with it:
 * the cache holds one reference, every user {@link #acquire()}s one for the duration of a
 * search, and the last {@link #release()} frees the native buffers. Copy-on-use would copy every
 * template on every poll; a counter costs one CAS.
 */
final class TemplateImage {

  final String path;
  final int width;
  final int height;
  final double[] meanBgr;
  private final OwnedMat gray;
  private final OwnedMat bgr;
  private final Ledger ledger;
  private final String owner;
  private final Map<Integer, OwnedMat> variants = new HashMap<>();
  private final AtomicInteger refs = new AtomicInteger(1);
  static final int MAX_VARIANTS = 64;

  TemplateImage(String path, OwnedMat gray, OwnedMat bgr, double[] meanBgr, Ledger ledger, String owner) {
    this.path = path;
    this.gray = gray;
    this.bgr = bgr;
    this.width = gray.mat().cols();
    this.height = gray.mat().rows();
    this.meanBgr = meanBgr;
    this.ledger = ledger;
    this.owner = owner;
  }

  /**
   * Cache weight: the decoded buffers plus an estimate for the memoised variants (most are
   * coarse, 1/4 to 1/64 of the pixels; the estimate is fixed because Caffeine weighs on insert).
   */
  int weight() {
    return (int) Math.min(Integer.MAX_VALUE, gray.bytes() * 4 + bgr.bytes());
  }

  /** Takes a reference; false when the image was already freed (reload it from the cache). */
  boolean acquire() {
    while (true) {
      int n = refs.get();
      if (n <= 0) {
        return false;
      }
      if (refs.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  /** Drops a reference; the last one frees the native buffers. */
  void release() {
    if (refs.decrementAndGet() == 0) {
      synchronized (this) {
        gray.close();
        bgr.close();
        variants.values().forEach(OwnedMat::close);
        variants.clear();
      }
    }
  }

  boolean freed() {
    return refs.get() <= 0;
  }

  Mat gray() {
    return gray.mat();
  }

  Mat bgr() {
    return bgr.mat();
  }

  /**
   * The gray template resized by {@code scale} (quantised to 1/1000), or null when it would be
   * smaller than 4 px. Memoised: a wait polls the same scales every cycle.
   */
  synchronized Mat gray(double scale) {
    int key = (int) Math.round(scale * 1000);
    if (key == 1000) {
      return gray.mat();
    }
    OwnedMat v = variants.get(key);
    if (v == null) {
      int w = (int) Math.round(width * key / 1000.0);
      int h = (int) Math.round(height * key / 1000.0);
      if (w < 4 || h < 4) {
        return null;
      }
      if (variants.size() >= MAX_VARIANTS) {
        // Scale searches visit many scales; beyond the memo's bound the copy is a temporary of
        // the caller's call scope (freed when the search ends) instead of growing the cache.
        Mat temp = new Mat(h, w, gray.mat().type());
        try (Size size = new Size(w, h)) {
          resize(gray.mat(), temp, size, 0, 0, key < 1000 ? INTER_AREA : INTER_LINEAR);
        }
        return temp;
      }
      try (LedgerScope scope = new LedgerScope(ledger, owner)) {
        v = OwnedMat.allocate(scope, h, w, gray.mat().type());
        try (Size size = new Size(w, h)) {
          resize(gray.mat(), v.mat(), size, 0, 0, key < 1000 ? INTER_AREA : INTER_LINEAR);
        }
      }
      variants.put(key, v);
    }
    return v.mat();
  }
}
