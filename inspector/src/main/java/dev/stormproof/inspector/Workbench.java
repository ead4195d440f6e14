package dev.stormproof.inspector;

import dev.stormproof.device.Device;
import dev.stormproof.device.Point;
import dev.stormproof.device.Screenshot;
import dev.stormproof.leak.Ledger;
import dev.stormproof.lint.Weighing;
import dev.stormproof.report.ReportSinks;
import dev.stormproof.vision.Candidate;
import dev.stormproof.vision.Frame;
import dev.stormproof.vision.Region;
import dev.stormproof.vision.Template;
import dev.stormproof.vision.TemplateLibrary;
import dev.stormproof.vision.Vision;
import dev.stormproof.vision.VisionOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.imageio.ImageIO;

/**
 * What the page does, without HTTP: screens from the device, templates cut and weighed, the
 * library matched, taps and swipes sent and recorded. Each analysis opens the template folder
 * afresh (a template just saved or overwritten is read from disk) and an offline {@link Vision}
 * whose native buffers are freed when the request ends.
 */
final class Workbench {

  /** The margin below which a template is called ambiguous (the lint's default). */
  static final double MIN_MARGIN = 0.1;

  private final Device device;
  private final Path templates;
  private final Path screens;
  private final VisionOptions options;
  private final Ledger ledger = new Ledger();
  final Shots shots = new Shots();
  final Recorder recorder = new Recorder();

  Workbench(Device device, Path templates, Path screens, VisionOptions options) {
    this.device = device;
    this.templates = templates.toAbsolutePath().normalize();
    this.screens = screens.toAbsolutePath().normalize();
    this.options = options;
    try {
      Files.createDirectories(this.templates);
    } catch (IOException e) {
      throw new UncheckedIOException("could not create the templates folder " + this.templates, e);
    }
  }

  Device device() {
    return device;
  }

  Map<String, Object> describe(String explanation) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("serial", device.serial());
    m.put("model", device.model());
    m.put("width", device.screenSize().width());
    m.put("height", device.screenSize().height());
    m.put("explanation", explanation);
    m.put("templates", templates.toString());
    m.put("screens", screens.toString());
    return m;
  }

  /** Captures the screen now and keeps it for later cuts. */
  long capture() {
    return shots.add(device.screenshot());
  }

  byte[] png(long shot) {
    return shots.get(shot).toPng();
  }

  byte[] jpeg(long shot) {
    return shots.get(shot).toJpeg(0.9f);
  }

  private <T> T withFrame(long shot, Function<Analysis, T> body) {
    Screenshot s = shots.get(shot);
    try (TemplateLibrary lib = TemplateLibrary.open(templates, options, ledger, "inspector/templates");
        Vision vision = Vision.offline(lib, options, ledger, "inspector", ReportSinks.of());
        Frame frame = vision.frame(s)) {
      return body.apply(new Analysis(lib, vision, frame));
    }
  }

  private record Analysis(TemplateLibrary lib, Vision vision, Frame frame) {}

  /** The text in {@code box} of screen {@code shot}, read as tests read it, and the Java line that does so. */
  Map<String, Object> readText(long shot, Region box) {
    String text = withFrame(shot, a -> a.vision.text().read(box, a.frame));
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("text", text);
    m.put("java", "vision.text().read(new Region(" + box.x() + ", " + box.y() + ", " + box.width() + ", " + box.height() + "))");
    return m;
  }

  /** Cuts {@code box} of screen {@code shot} into the template {@code name} and weighs it there. */
  Map<String, Object> saveTemplate(long shot, Region box, String name, boolean overwrite) {
    Screenshot s = shots.get(shot);
    if (name == null || !name.endsWith(".png")) {
      throw new InspectorException(400, "template name '" + name + "' must end in .png, for example arena/play.png");
    }
    if (box.x() + box.width() > s.size().width() || box.y() + box.height() > s.size().height()) {
      throw new InspectorException(400, "box " + box + " does not fit the " + s.size() + " screen: drag inside the image");
    }
    if (box.width() < 8 || box.height() < 8) {
      throw new InspectorException(400, "box " + box + " is smaller than 8x8 px: drag a larger box (ideally 48-200 px a side)");
    }
    Path file;
    try (TemplateLibrary lib = TemplateLibrary.open(templates, options, ledger, "inspector/templates")) {
      file = lib.file(name);
    }
    if (Files.exists(file) && !overwrite) {
      throw new InspectorException(409, "template " + name + " already exists (" + file + "): tick Overwrite to replace it, "
          + "or choose another name");
    }
    try {
      Files.createDirectories(file.getParent());
      ImageIO.write(s.toImage().getSubimage(box.x(), box.y(), box.width(), box.height()), "png", file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("could not write template " + file, e);
    }
    Map<String, Object> out = weigh(shot, name);
    out.put("file", file.toString());
    return out;
  }

  /** How template {@code name} matches on screen {@code shot}: best, runner-up, margin, suggestions. */
  Map<String, Object> weigh(long shot, String name) {
    return withFrame(shot, a -> {
      Template t = a.lib.template(name);
      Weighing w = Weighing.of(a.vision.candidates(t, a.frame), options.colorTolerance());
      boolean colour = w.colorCheckNeeded(MIN_MARGIN);
      Region region = w.suggestedRegion(a.frame.width(), a.frame.height());
      double threshold = w.suggestedThreshold(colour);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", name);
      m.put("best", candidate(w.best()));
      m.put("runnerUp", w.runnerUp() == null ? null : candidate(w.runnerUp()));
      m.put("margin", w.grayMargin());
      m.put("colorMargin", w.colorMargin());
      m.put("colorCheckNeeded", colour);
      m.put("ambiguous", w.grayMargin() < MIN_MARGIN && !colour);
      m.put("threshold", threshold);
      m.put("region", region.toString());
      m.put("java", String.format(java.util.Locale.ROOT, "vision.template(\"%s\").withThreshold(%.2f)"
          + ".withRegion(Region.of(%d, %d, %d, %d))%s", name, threshold, region.x(), region.y(), region.width(),
          region.height(), colour ? ".withColorCheck(true)" : ""));
      return m;
    });
  }

  private static Map<String, Object> candidate(Candidate c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("x", c.region().x());
    m.put("y", c.region().y());
    m.put("w", c.region().width());
    m.put("h", c.region().height());
    m.put("score", c.score());
    m.put("colorDistance", c.colorDistance());
    return m;
  }

  /** Every template of the folder matched on screen {@code shot}, in path order. */
  List<Map<String, Object>> matchAll(long shot) {
    return withFrame(shot, a -> {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (String path : a.lib.paths()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", path);
        try {
          Candidate best = a.vision.candidates(a.lib.template(path), a.frame).get(0);
          row.put("found", best.score() >= options.threshold());
          row.put("colorOk", best.colorDistance() <= options.colorTolerance());
          row.putAll(candidate(best));
        } catch (RuntimeException e) { // a bad file or a template larger than the screen: show why
          row.put("found", false);
          row.put("error", e.getMessage());
        }
        rows.add(row);
      }
      return rows;
    });
  }

  byte[] heatmap(long shot, String name) {
    return withFrame(shot, a -> a.vision.heatmap(a.lib.template(name), a.frame));
  }

  /** Taps {@code p}; recorded as a template tap when a found template on {@code shot} covers it. */
  String tap(long shot, Point p) {
    checkOnScreen(p);
    String hit = null;
    long area = Long.MAX_VALUE;
    for (Map<String, Object> row : matchAll(shot)) {
      if (Boolean.TRUE.equals(row.get("found")) && Boolean.TRUE.equals(row.get("colorOk"))) {
        int x = (int) row.get("x");
        int y = (int) row.get("y");
        int w = (int) row.get("w");
        int h = (int) row.get("h");
        if (p.x() >= x && p.y() >= y && p.x() < x + w && p.y() < y + h && (long) w * h < area) {
          hit = (String) row.get("name");
          area = (long) w * h;
        }
      }
    }
    device.tap(p);
    return hit != null ? recorder.tapTemplate(hit) : recorder.tap(p);
  }

  String swipe(Point from, Point to, Duration duration) {
    checkOnScreen(from);
    checkOnScreen(to);
    device.swipe(from, to, duration);
    return recorder.swipe(from, to, duration);
  }

  private void checkOnScreen(Point p) {
    var size = device.screenSize();
    if (p.x() < 0 || p.y() < 0 || p.x() >= size.width() || p.y() >= size.height()) {
      throw new InspectorException(400, "point " + p + " is outside the " + size + " screen: tap inside the image");
    }
  }

  /** Saves screen {@code shot} as {@code <screens>/<name>.png}, for the template lint. */
  Path saveScreen(long shot, String name) {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}")) {
      throw new InspectorException(400, "screen name '" + name + "' must be letters, digits, '_' or '-' (at most 64), "
          + "for example shop_scrolled");
    }
    Path file = screens.resolve(name + ".png");
    try {
      Files.createDirectories(screens);
      Files.write(file, png(shot));
    } catch (IOException e) {
      throw new UncheckedIOException("could not write screen " + file, e);
    }
    return file;
  }

  Ledger ledger() {
    return ledger;
  }
}
