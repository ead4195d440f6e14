package dev.stormproof.bench;

import dev.stormproof.device.Size;
import dev.stormproof.device.virtual.arena.ArenaOptions;
import dev.stormproof.device.virtual.arena.ArenaShots;
import dev.stormproof.device.virtual.arena.ArenaTour;
import dev.stormproof.device.virtual.arena.Bounds;
import dev.stormproof.device.virtual.arena.SceneElement;
import dev.stormproof.leak.Ledger;
import dev.stormproof.report.ReportSinks;
import dev.stormproof.vision.Frame;
import dev.stormproof.vision.NumberStyle;
import dev.stormproof.vision.Region;
import dev.stormproof.vision.ScreenText;
import dev.stormproof.vision.Vision;
import dev.stormproof.vision.VisionOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * OCR accuracy and time on Arena: every text and counter of every tour stop at every
 * {@link ArenaShots#SIZES size}, read in its scene-model region and compared with the scene's
 * text (words and characters; counters must be exact). Prints one Markdown row per size with
 * the per-region OCR time (p50/p95, cache misses only) and, at 1080x2400, the cost of a cached
 * poll and of a whole-screen search. A Vision per stop: each read is a cache miss.
 *
 * <p>Usage: {@code TextBench [WxH ...]}.
 */
public final class TextBench {

  /** Elements whose text is not drawn as text inside their bounds (icon captions, a cross, bars). */
  static final Set<String> SKIP = Set.of("arena_icon", "app_phone", "app_mail", "app_camera", "close", "enemy_hp",
      "loading_bar", "name_field", "enemy", "emblem", "reward_panel");

  private TextBench() {}

  public static void main(String[] args) {
    List<Size> sizes = new ArrayList<>();
    for (String a : args) {
      sizes.add(Size.parse(a));
    }
    System.out.println("| size | texts | words right | chars right | counters exact | OCR p50 ms | OCR p95 ms |");
    System.out.println("|---|---|---|---|---|---|---|");
    List<String> misses = new ArrayList<>();
    for (Size size : sizes.isEmpty() ? ArenaShots.SIZES : sizes) {
      int texts = 0;
      int wordsRight = 0;
      int words = 0;
      long charsRight = 0;
      long chars = 0;
      int counters = 0;
      int countersRight = 0;
      List<Long> nanos = new ArrayList<>();
      for (ArenaTour.Stop stop : ArenaTour.walk(ArenaOptions.defaults(), size)) {
        StillDevice device = new StillDevice(stop.frame());
        try (Vision vision = Vision.open(device, VisionOptions.defaults(), new Ledger().withoutSites(), "bench",
            ReportSinks.of()); Frame frame = vision.capture()) {
          ScreenText text = vision.text();
          text.read(Region.of(0, 0, 8, 8), frame); // loads the engine outside the timings
          List<SceneElement> elements = stop.scene().elements();
          for (int k = 0; k < elements.size(); k++) {
            SceneElement e = elements.get(k);
            Bounds b = e.bounds();
            if (covered(b, elements.subList(k + 1, elements.size()))) {
              continue; // under a banner drawn later: the scene's text is not what shows
            }
            if (e.text().isEmpty() || SKIP.contains(e.name()) || e.name().startsWith("item_") || b.x() < 0 || b.y() < 0
                || b.right() > size.width() || b.bottom() > size.height()) {
              continue;
            }
            Region r = Region.of(b.x(), b.y(), b.width(), b.height());
            boolean counter = e.text().matches("\\+?\\d+");
            long t0 = System.nanoTime();
            String got;
            if (counter) {
              String n;
              try {
                n = Long.toString(text.number(r, NumberStyle.GROUPED, frame));
              } catch (AssertionError err) {
                n = "(none)";
              }
              got = n;
            } else {
              got = text.read(r, frame);
            }
            nanos.add(System.nanoTime() - t0);
            String want = counter ? e.text().replace("+", "") : e.text();
            texts++;
            if (counter) {
              counters++;
              countersRight += got.equals(want) ? 1 : 0;
            }
            String[] w = want.split(" ");
            List<String> g = List.of(got.split("\\s+"));
            for (String x : w) {
              words++;
              wordsRight += g.contains(x) ? 1 : 0;
            }
            chars += want.length();
            charsRight += Math.max(0, want.length() - distance(want, got));
            if (!got.equals(want)) {
              misses.add(size + " " + stop.name() + " " + e.name() + ": want '" + want + "' got '" + got + "'");
            }
          }
        }
      }
      long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
      System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f | %d/%d | %.1f | %.1f |%n", size, texts,
          words == 0 ? 1.0 : wordsRight / (double) words, chars == 0 ? 1.0 : charsRight / (double) chars,
          countersRight, counters, Stats.rank(sorted, 0.5) / 1e6, Stats.rank(sorted, 0.95) / 1e6);
    }
    misses.forEach(m -> System.out.println("miss: " + m));
    pollCosts();
  }

  /** At 1080x2400: a read of an unchanged region (cache hit) and a whole-screen search. */
  private static void pollCosts() {
    ArenaTour.Stop lobby = ArenaTour.walk(ArenaOptions.defaults(), new Size(1080, 2400)).stream()
        .filter(s -> s.name().equals("lobby")).findFirst().orElseThrow();
    Bounds b = lobby.element("coins").bounds();
    Region coins = Region.of(b.x(), b.y(), b.width(), b.height());
    try (Vision vision = Vision.open(new StillDevice(lobby.frame()), VisionOptions.defaults(),
        new Ledger().withoutSites(), "bench", ReportSinks.of()); Frame frame = vision.capture()) {
      ScreenText text = vision.text();
      text.number(coins, NumberStyle.GROUPED, frame);
      long[] hit = new long[50];
      for (int i = 0; i < hit.length; i++) {
        long t0 = System.nanoTime();
        text.number(coins, NumberStyle.GROUPED, frame);
        hit[i] = System.nanoTime() - t0;
      }
      java.util.Arrays.sort(hit);
      long t0 = System.nanoTime();
      boolean found = text.find("SHOP").isPresent();
      long whole = System.nanoTime() - t0;
      System.out.printf(Locale.ROOT, "cached poll of an unchanged region: p50 %.2f ms, p95 %.2f ms (n=%d)%n",
          Stats.rank(hit, 0.5) / 1e6, Stats.rank(hit, 0.95) / 1e6, hit.length);
      System.out.printf(Locale.ROOT, "whole-screen search for SHOP (1080x2400, sparse text, found=%s): %.0f ms%n",
          found, whole / 1e6);
    }
  }

  private static boolean covered(Bounds b, List<SceneElement> later) {
    return later.stream().map(SceneElement::bounds).anyMatch(o -> o.x() < b.right() && b.x() < o.right()
        && o.y() < b.bottom() && b.y() < o.bottom() && !b.contains(o));
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
