package dev.stormproof.lint;

import dev.stormproof.device.Screenshot;
import dev.stormproof.device.Size;
import dev.stormproof.leak.Ledger;
import dev.stormproof.report.ReportSinks;
import dev.stormproof.vision.Template;
import dev.stormproof.vision.TemplateLibrary;
import dev.stormproof.vision.Vision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks a template library against the screens a project recorded (a folder of PNGs the
 * inspector's "Save screen" writes): every template must be found on at least one screen with a
 * margin over its best look-alike, must not be a near-duplicate of another, and must not be too
 * small, too flat, or larger than the smallest supported screen. Each problem is a sentence that
 * names the template, the measurement and what to do. JUnit-free; {@code
 * dev.stormproof.junit.TemplateLintTests} turns the verdicts into one test per template.
 *
 * <p>Native buffers live in an offline {@link Vision} closed before {@link #check} returns.
 */
public final class TemplateLint {

  /**
   * The lint's findings for one template.
   *
   * @param template the template path, for example {@code arena/play.png}
   * @param problems what is wrong, one sentence each; empty when the template passes
   */
  public record Verdict(String template, List<String> problems) {
    /**
     * Copies the list.
     *
     * @param template see the record
     * @param problems see the record
     */
    public Verdict {
      problems = List.copyOf(problems);
    }
  }

  private TemplateLint() {}

  /**
   * Lints every {@code .png} under {@code templates} against every {@code .png} under {@code screens}.
   *
   * @param templates the template root folder
   * @param screens the folder of recorded screens
   * @param options thresholds and which templates are colour-checked or repeated
   * @return one verdict per template, in path order
   * @throws IllegalArgumentException when a folder is missing or holds no PNG, or a screen is unreadable
   */
  public static List<Verdict> check(Path templates, Path screens, LintOptions options) {
    List<Path> screenFiles = pngs(screens);
    Ledger ledger = new Ledger();
    try (TemplateLibrary lib = TemplateLibrary.open(templates, options.vision(), ledger, "lint/templates");
        Vision vision = Vision.offline(lib, options.vision(), ledger, "lint", ReportSinks.of());
        // Templates compared with each other at their own pixels: the scale settings are for screens.
        Vision plain = Vision.offline(lib, options.vision().withReferenceShortSide(0).withScales(1, 1), ledger,
            "lint/duplicates", ReportSinks.of())) {
      List<String> paths = lib.paths();
      if (paths.isEmpty()) {
        throw new IllegalArgumentException("templates folder " + templates.toAbsolutePath() + " holds no .png: "
            + "pass the folder of your templates, for example src/test/resources/templates");
      }
      Map<String, List<String>> problems = new LinkedHashMap<>();
      Map<String, Template> loaded = new LinkedHashMap<>();
      for (String p : paths) {
        problems.put(p, new ArrayList<>());
        try {
          loaded.put(p, lib.template(p));
        } catch (RuntimeException e) { // unreadable, flat or tiny: the library's own message says why
          problems.get(p).add(e.getMessage());
        }
      }
      Size smallest = options.smallestScreen();
      List<Screenshot> shots = new ArrayList<>();
      for (Path f : screenFiles) {
        Screenshot s = read(f);
        shots.add(s);
        smallest = smallest != null ? smallest : s.size();
        if (options.smallestScreen() == null && s.size().width() * (long) s.size().height()
            < smallest.width() * (long) smallest.height()) {
          smallest = s.size();
        }
      }
      for (Map.Entry<String, Template> e : loaded.entrySet()) {
        Shape.check(e.getKey(), templates, options, smallest, problems.get(e.getKey()));
      }
      Screens.check(vision, loaded, screenFiles, shots, options, problems);
      Duplicates.check(plain, loaded, templates, options, problems);
      return problems.entrySet().stream().map(e -> new Verdict(e.getKey(), e.getValue())).toList();
    }
  }

  static List<Path> pngs(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("screens folder " + folder.toAbsolutePath() + " does not exist: record screens "
          + "with the inspector's Save screen, or pass the folder that holds them");
    }
    try (Stream<Path> s = Files.walk(folder)) {
      List<Path> files = s.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".png")).sorted().toList();
      if (files.isEmpty()) {
        throw new IllegalArgumentException("screens folder " + folder.toAbsolutePath() + " holds no .png: record screens "
            + "with the inspector's Save screen");
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("could not list " + folder, e);
    }
  }

  private static Screenshot read(Path f) {
    try {
      return Screenshot.fromPng(Files.readAllBytes(f), f.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read screen " + f, e);
    }
  }

  static String f2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
