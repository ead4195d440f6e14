package dev.stormproof.vision;

import static org.bytedeco.tesseract.global.tesseract.PSM_SINGLE_LINE;
import static org.bytedeco.tesseract.global.tesseract.PSM_SPARSE_TEXT;

import dev.stormproof.device.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.CRC32C;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Reads one region of a frame: each {@link TextPrep.Variant} in turn until one satisfies the
 * caller's goal, else the most confident. Results are cached by the region's pixels, so polling
 * an unchanged region costs a hash, not an OCR pass ("OCR only where the frame changed").
 */
final class TextReader {

  /** One reading of a region: words in screen pixels, their mean confidence, the variant used. */
  record Read(Region region, List<TextMatch> words, List<Integer> lines, double confidence,
      TextPrep.Variant variant, boolean cached) {

    /** Words joined by spaces, lines by newlines. */
    String text() {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < words.size(); i++) {
        if (i > 0) {
          sb.append(lines.get(i).equals(lines.get(i - 1)) ? " " : "\n");
        }
        sb.append(words.get(i).text());
      }
      return sb.toString();
    }

    Read fromCache() {
      return new Read(region, words, lines, confidence, variant, true);
    }
  }

  private record Key(long hash, Region region, String whitelist, String goal) {}

  private static final int CACHE = 128;
  private final Map<Key, Read> cache = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Read> eldest) {
      return size() > CACHE;
    }
  };

  /**
   * Reads {@code region} of {@code frame} (inside a Vision call: allocations go to its scope).
   * Every variant is read and the best kept: first those passing {@code good}, then the most
   * confident (one recipe's confident misreading, such as a gold "100" cut to "10" by the
   * bright-fill threshold, loses to another's better reading). Only a find stops at the first
   * variant that shows the text: spelling the searched words is evidence enough.
   *
   * @param goal names the acceptance test for the cache, for example {@code "find:COLLECT"}
   * @param good what a useful reading is
   * @param stopEarly whether the first reading passing {@code good} ends the search
   */
  Read read(TextEngine engine, Frame frame, Region region, String whitelist, String goal, Predicate<Read> good,
      boolean stopEarly) {
    Key key = new Key(hash(frame, region), region, whitelist, goal);
    synchronized (cache) {
      Read hit = cache.get(key);
      if (hit != null) {
        return hit.fromCache();
      }
    }
    double scale = TextPrep.scale(region, frame.size());
    int psm = TextPrep.isLine(region, frame.size()) ? PSM_SINGLE_LINE : PSM_SPARSE_TEXT;
    Read best = null;
    boolean bestGood = false;
    for (TextPrep.Variant v : TextPrep.Variant.values()) {
      Mat image = TextPrep.prepare(frame, region, v, scale);
      Read r = toScreen(engine.recognize(image, psm, whitelist), region, scale, v);
      boolean ok = good.test(r);
      if (best == null || (ok && !bestGood) || (ok == bestGood && r.confidence() > best.confidence())) {
        best = r;
        bestGood = ok;
      }
      if (ok && stopEarly) {
        break;
      }
    }
    synchronized (cache) {
      cache.put(key, best);
    }
    return best;
  }

  private static Read toScreen(List<TextEngine.Word> words, Region region, double scale, TextPrep.Variant v) {
    List<TextMatch> out = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    double sum = 0;
    for (TextEngine.Word w : words) {
      if (w.text().codePoints().noneMatch(Character::isLetterOrDigit)) {
        continue; // specks read as , ; | : game screens rarely show bare punctuation
      }
      int x = region.x() + (int) Math.floor(Math.max(0, w.x() - TextPrep.MARGIN) / scale);
      int y = region.y() + (int) Math.floor(Math.max(0, w.y() - TextPrep.MARGIN) / scale);
      int wd = Math.max(1, Math.min(region.right() - x, (int) Math.ceil(w.width() / scale)));
      int ht = Math.max(1, Math.min(region.bottom() - y, (int) Math.ceil(w.height() / scale)));
      out.add(new TextMatch(w.text(), new Region(x, y, wd, ht), w.confidence()));
      lines.add(w.line());
      sum += w.confidence();
    }
    return new Read(region, out, lines, out.isEmpty() ? 0 : sum / out.size(), v, false);
  }

  /** Consecutive words on one line that spell {@code target} (case and spacing ignored). */
  static java.util.Optional<TextMatch> locate(Read read, String target) {
    String want = normalize(target);
    List<TextMatch> w = read.words();
    for (int i = 0; i < w.size(); i++) {
      StringBuilder sb = new StringBuilder();
      for (int j = i; j < w.size() && read.lines().get(j).equals(read.lines().get(i)); j++) {
        if (j > i) {
          sb.append(' ');
        }
        sb.append(normalize(w.get(j).text()));
        if (sb.length() > want.length()) {
          break;
        }
        if (sb.toString().equals(want)) {
          return java.util.Optional.of(union(w.subList(i, j + 1)));
        }
      }
    }
    return java.util.Optional.empty();
  }

  static String normalize(String s) {
    return s.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
  }

  private static TextMatch union(List<TextMatch> words) {
    int x = Integer.MAX_VALUE;
    int y = Integer.MAX_VALUE;
    int r = 0;
    int b = 0;
    double conf = 100;
    StringBuilder text = new StringBuilder();
    for (TextMatch m : words) {
      x = Math.min(x, m.region().x());
      y = Math.min(y, m.region().y());
      r = Math.max(r, m.region().right());
      b = Math.max(b, m.region().bottom());
      conf = Math.min(conf, m.confidence());
      text.append(text.length() > 0 ? " " : "").append(m.text());
    }
    return new TextMatch(text.toString(), new Region(x, y, r - x, b - y), conf);
  }

  /** {@code region} cut to the frame. @throws IllegalArgumentException when it lies outside */
  static Region within(Region region, Size screen) {
    Region r = region.clip(screen);
    if (r == null) {
      throw new IllegalArgumentException("text region " + region + " lies outside the " + screen
          + " screen: give x,y,width,height inside it, for example " + new Region(0, 0, screen.width(),
          Math.max(1, screen.height() / 10)));
    }
    return r;
  }

  // The region's own pixels: a change elsewhere on the screen must not cost an OCR pass.
  private static long hash(Frame frame, Region region) {
    CRC32C crc = new CRC32C();
    try (Rect r = new Rect(region.x(), region.y(), region.width(), region.height())) {
      Mat crop = frame.rgba().apply(r).clone();
      long n = crop.total() * crop.elemSize();
      crc.update(crop.data().capacity(n).limit(n).asByteBuffer());
    }
    return crc.getValue() ^ ((long) region.hashCode() << 32);
  }
}
