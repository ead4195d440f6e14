package dev.stormproof.vision;

import dev.stormproof.device.Size;
import dev.stormproof.device.virtual.arena.ArenaOptions;
import dev.stormproof.device.virtual.arena.ArenaTemplates;
import dev.stormproof.device.virtual.arena.ArenaTour;
import dev.stormproof.device.virtual.arena.Bounds;
import dev.stormproof.device.virtual.arena.SceneElement;
import dev.stormproof.leak.Ledger;
import dev.stormproof.report.ReportSinks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Accuracy of {@link Vision#find} and {@link Vision#findAll} on real Arena screens: every
 * exported template (cut at 1080x2400) searched on every tour stop at several sizes, ground
 * truth from the scene model. Used by {@code ArenaAccuracyTest}; as a {@code main} it runs every
 * size and writes {@code target/vision-accuracy.txt}.
 */
public final class ArenaAccuracy {

  /** Counts of one (size, mode) row. */
  static final class Row {
    final String size;
    final String mode;
    int findTp;
    int findFp;
    int findFn;
    int allTp;
    int allFp;
    int allFn;
    final List<Double> findMillis = new ArrayList<>();
    final List<String> errors = new ArrayList<>();

    Row(String size, String mode) {
      this.size = size;
      this.mode = mode;
    }

    static double ratio(int a, int b) {
      return a + b == 0 ? 1.0 : (double) a / (a + b);
    }

    double findPrecision() { return ratio(findTp, findFp); }
    double findRecall() { return ratio(findTp, findFn); }
    double allPrecision() { return ratio(allTp, allFp); }
    double allRecall() { return ratio(allTp, allFn); }

    double p50() {
      double[] ms = findMillis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return ms.length == 0 ? 0 : ms[ms.length / 2];
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "| %-9s | %-28s | %5.3f | %5.3f | %3d/%3d/%3d | %5.3f | %5.3f | %3d/%3d/%3d | %7.1f |",
          size, mode, findPrecision(), findRecall(), findTp, findFp, findFn, allPrecision(), allRecall(),
          allTp, allFp, allFn, p50());
    }
  }

  static final String HEADER = "| size      | mode                         | find P | find R | TP/FP/FN    | all P | all R | TP/FP/FN    | find p50 ms |";

  private ArenaAccuracy() {}

  private static List<ArenaTemplates.Crop> crops;
  private static List<ArenaTour.Stop> reference;

  // The reference tour renders 12 full screens: once per JVM is enough.
  private static synchronized void init() {
    if (crops == null) {
      crops = ArenaTemplates.crops();
      reference = ArenaTour.walk(ArenaOptions.defaults(), ArenaTemplates.SIZE);
    }
  }

  /** Writes the templates exactly as {@code ArenaTemplates} exports them. */
  static void exportTemplates(Screens.TemplateDir dir) {
    init();
    for (ArenaTemplates.Crop c : crops) {
      dir.png("arena/" + c.spec().file(), c.image());
    }
  }

  /** One row: every template on every stop of a tour at {@code size}. */
  static Row run(Screens.TemplateDir dir, Size size, String mode, VisionOptions options) {
    Row row = new Row(size.toString(), mode);
    init();
    List<ArenaTour.Stop> stops = ArenaTour.walk(ArenaOptions.defaults(), size);
    Ledger ledger = new Ledger().withoutSites();
    FakeDevice device = new FakeDevice(stops.get(0).frame());
    try (TemplateLibrary lib = TemplateLibrary.open(dir.loader(), options, ledger, "accuracy/templates");
        Vision vision = Vision.open(device, lib, options, ledger, "accuracy", ReportSinks.of())) {
      for (ArenaTour.Stop stop : stops) {
        device.show(stop.frame());
        try (Frame frame = vision.capture()) {
          for (ArenaTemplates.Crop crop : crops) {
            SceneElement source = reference.stream().filter(s -> s.name().equals(crop.spec().stop())).findFirst()
                .orElseThrow().element(crop.spec().element());
            List<Bounds> truth = new ArrayList<>();
            List<Bounds> partial = new ArrayList<>();
            List<SceneElement> elements = stop.scene().elements();
            for (int k = 0; k < elements.size(); k++) {
              SceneElement e = elements.get(k);
              if (sameLook(source, e, size)) {
                Bounds b = e.bounds();
                boolean inside = b.x() >= 0 && b.y() >= 0 && b.right() <= size.width() && b.bottom() <= size.height();
                // Partly covered by something drawn later (a toast over a shop row): don't care.
                boolean covered = elements.subList(k + 1, elements.size()).stream()
                    .anyMatch(o -> overlaps(o.bounds(), b) && !b.contains(o.bounds()));
                (inside && !covered ? truth : partial).add(b);
              }
            }
            Template t = vision.template("arena/" + crop.spec().file()).withColorCheck(true);
            long t0 = System.nanoTime();
            Optional<Match> found = vision.find(t, frame);
            row.findMillis.add((System.nanoTime() - t0) / 1e6);
            if (found.isPresent()) {
              Region r = found.get().region();
              if (truth.stream().anyMatch(b -> iou(b, r) >= 0.5)) {
                row.findTp++;
              } else if (partial.stream().noneMatch(b -> iou(b, r) >= 0.3)) {
                row.findFp++;
                row.errors.add("find FP " + crop.spec().file() + " on " + stop.name() + ": " + found.get() + " truth " + truth);
              }
            } else if (!truth.isEmpty()) {
              row.findFn++;
              row.errors.add("find FN " + crop.spec().file() + " on " + stop.name() + ": truth " + truth);
            }
            List<Match> all = vision.findAll(t, frame);
            boolean[] used = new boolean[truth.size()];
            for (Match m : all) {
              int hit = -1;
              for (int i = 0; i < truth.size(); i++) {
                if (!used[i] && iou(truth.get(i), m.region()) >= 0.5) {
                  hit = i;
                  break;
                }
              }
              if (hit >= 0) {
                used[hit] = true;
                row.allTp++;
              } else if (partial.stream().noneMatch(b -> iou(b, m.region()) >= 0.3)) {
                row.allFp++;
                row.errors.add("findAll FP " + crop.spec().file() + " on " + stop.name() + ": " + m);
              }
            }
            for (int i = 0; i < used.length; i++) {
              if (!used[i]) {
                row.allFn++;
                row.errors.add("findAll FN " + crop.spec().file() + " on " + stop.name() + ": " + truth.get(i));
              }
            }
          }
        }
      }
    }
    return row;
  }

  /** Same kind, text, style and (scaled) size as the template's source element. */
  static boolean sameLook(SceneElement source, SceneElement e, Size size) {
    double u = Math.min(size.width(), size.height()) / 1080.0;
    return e.kind() == source.kind() && e.text().equals(source.text()) && e.style().equals(source.style())
        && baseName(e.name()).equals(baseName(source.name()))
        && Math.abs(e.bounds().width() - source.bounds().width() * u) <= 2 + 0.02 * e.bounds().width()
        && Math.abs(e.bounds().height() - source.bounds().height() * u) <= 2 + 0.02 * e.bounds().height();
  }

  private static boolean overlaps(Bounds a, Bounds b) {
    return a.x() < b.right() && b.x() < a.right() && a.y() < b.bottom() && b.y() < a.bottom();
  }

  private static String baseName(String name) {
    return name.replaceAll("_\\d+$", "");
  }

  static double iou(Bounds b, Region r) {
    return new Region(Math.max(0, b.x()), Math.max(0, b.y()), b.width(), b.height()).iou(r);
  }

  static VisionOptions calibrated() {
    return VisionOptions.defaults().withReferenceShortSide(1080).withScales(0.9, 1.1);
  }

  static VisionOptions blind() {
    return VisionOptions.defaults().withScales(0.6, 1.4);
  }

  public static void main(String[] args) throws IOException {
    Path tmp = Files.createTempDirectory("vision-accuracy");
    Screens.TemplateDir dir = new Screens.TemplateDir(tmp);
    exportTemplates(dir);
    List<String> out = new ArrayList<>();
    out.add("Arena accuracy: " + ArenaTemplates.SPECS.size() + " templates cut at 1080x2400 (default seed), colour check on, "
        + "threshold " + VisionOptions.DEFAULT_THRESHOLD + "; every template on every tour stop; TP = IoU >= 0.5 with a "
        + "scene element of the same kind/text/style/size");
    out.add(HEADER);
    List<String> errors = new ArrayList<>();
    List<Size> sizes = args.length > 0 ? Arrays.stream(args).map(Size::parse).toList()
        : List.of(new Size(720, 1600), new Size(1080, 2400), new Size(1440, 3200), new Size(2400, 1080));
    for (Size size : sizes) {
      for (String mode : List.of("calibrated (ref 1080, 0.9-1.1)", "blind (0.6-1.4)")) {
        Row row = run(dir, size, mode, mode.startsWith("blind") ? blind() : calibrated());
        System.out.println(row);
        out.add(row.toString());
        row.errors.forEach(e -> errors.add(row.size + " " + row.mode + ": " + e));
      }
    }
    out.add("");
    out.add("Errors:");
    out.addAll(errors);
    out.forEach(System.out::println);
    Path target = Screens.targetDir();
    Files.write(target.resolve("vision-accuracy.txt"), out);
    System.out.println("written to " + target.resolve("vision-accuracy.txt"));
  }
}
