package dev.stormproof.bench;

import dev.stormproof.leak.Ledger;
import dev.stormproof.report.ReportSinks;
import dev.stormproof.vision.Frame;
import dev.stormproof.vision.Match;
import dev.stormproof.vision.Template;
import dev.stormproof.vision.TemplateLibrary;
import dev.stormproof.vision.Vision;
import dev.stormproof.vision.VisionOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Stormproof's matcher ({@code dev.stormproof.vision}) in {@link PeersBench}, through its public
 * API: a {@link Vision} over a {@link StillDevice} holding the screen, the template loaded by a
 * {@link TemplateLibrary} from a class path directory, result cache off (every call searches).
 */
final class StormproofPeer {
  /** Scale tolerance the benchmark asks for: one template set across resolutions (issue 4). */
  static final double MIN_SCALE = 0.75;
  static final double MAX_SCALE = 1.33;

  private StormproofPeer() {
  }

  /** What is timed per run. */
  enum Mode {
    /** capture (raw RGBA to the frame's gray/BGR Mats and pyramid) + find. */
    CAPTURE_AND_FIND,
    /** find on one frame captured beforehand (its pyramid levels are built by the first run). */
    FIND_ON_FRAME
  }

  static Outcome run(Path screenPng, Path templatePng, int warmup, int runs, double threshold, Mode mode) {
    return run(screenPng, templatePng, warmup, runs, threshold, mode, MIN_SCALE, MAX_SCALE, false);
  }

  static Outcome run(Path screenPng, Path templatePng, int warmup, int runs, double threshold, Mode mode,
      double minScale, double maxScale, boolean colorCheck) {
    Path root = stageTemplate(templatePng);
    VisionOptions options = VisionOptions.defaults().withResultCacheSize(0).withThreshold(threshold)
        .withScales(minScale, maxScale);
    Ledger ledger = new Ledger().withoutSites();
    try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {root.toUri().toURL()}, null);
        StillDevice device = new StillDevice(ImageIO.read(screenPng.toFile()));
        TemplateLibrary library = TemplateLibrary.open(loader, options, ledger, "bench");
        Vision vision = Vision.open(device, library, options, ledger, "bench", ReportSinks.of())) {
      Template template = vision.template("bench/template.png").withColorCheck(colorCheck);
      long[] nanos = new long[runs];
      Optional<Match> last = Optional.empty();
      Frame kept = mode == Mode.FIND_ON_FRAME ? vision.capture() : null;
      for (int i = -warmup; i < runs; i++) {
        long t0 = System.nanoTime();
        if (kept != null) {
          last = vision.find(template, kept);
        } else {
          try (Frame f = vision.capture()) {
            last = vision.find(template, f);
          }
        }
        long t = System.nanoTime() - t0;
        if (i >= 0) {
          nanos[i] = t;
        }
      }
      if (kept != null) {
        kept.close();
      }
      String note = (mode == Mode.FIND_ON_FRAME ? "find on an already captured frame"
          : "capture from raw RGBA + find") + ", scales " + minScale + "-" + maxScale + (colorCheck ? ", colour check on" : "")
          + ", result cache off; searches " + vision.stats();
      return last.map(m -> new Outcome(m.location().x(), m.location().y(), m.size().width(), m.size().height(),
              m.score(), nanos, note))
          .orElseGet(() -> new Outcome(-1, -1, Double.NaN, nanos, note + "; nothing at or above the threshold"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the scene for the Stormproof matcher", e);
    }
  }

  private static Path stageTemplate(Path templatePng) {
    try {
      Path root = Files.createTempDirectory("stormproof-bench-templates");
      Path dir = Files.createDirectories(root.resolve("templates/bench"));
      Files.copy(templatePng, dir.resolve("template.png"), StandardCopyOption.REPLACE_EXISTING);
      root.toFile().deleteOnExit();
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage the template on a class path directory", e);
    }
  }
}
