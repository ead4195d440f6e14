package dev.stormproof.bench;

import static org.bytedeco.opencv.global.opencv_core.setNumThreads;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Template matching side by side, same run, same PNGs: raw bytedeco {@code matchTemplate}
 * (full-resolution gray), Stormproof's matcher, SikuliX 2.0.5's {@code Finder} (separate JVM) and
 * Appium's {@code @appium/opencv} {@code getImageOccurrence} (Node subprocess); on the screen as
 * rendered and on the screen scaled by 0.8 with the template unscaled. Each answer is judged
 * against the scene's ground truth. Writes {@code peers.tsv} into {@code --out}.
 *
 * <p>Options (defaults): {@code --runs 10 --warmup 2 --threshold 0.8 --tolerance 4
 * --cv-threads 1 --out benchmarks/target/results --sikulix-classpath
 * benchmarks/target/sikulix.classpath --node-modules benchmarks/target/node/node_modules
 * --scene arena --items back,item_7,item_5} ({@code arena}: the sample game's shop, one run per
 * item: {@code back} is the BACK button (220x100, unique), {@code item_N} the 96x96 gem icon of a shop
 * card: ten gems of one shape in different hues, ARMOR's nearly the hue of SWORD's, BOW's unique;
 * {@code synthetic}: a Java2D screen).
 * A peer whose runtime is missing is reported as a row saying so; it does not abort the others.
 */
public final class PeersBench {
  private PeersBench() {
  }

  public static void main(String[] argv) throws Exception {
    Args a = new Args(argv, Map.of("runs", "10", "warmup", "2", "threshold", "0.8", "tolerance", "4",
        "cv-threads", "1", "out", "benchmarks/target/results",
        "sikulix-classpath", "benchmarks/target/sikulix.classpath",
        "node-modules", "benchmarks/target/node/node_modules", "scene", "arena", "items", "back,item_7,item_5"));
    int runs = a.integer("runs");
    int warmup = a.integer("warmup");
    double threshold = Double.parseDouble(a.get("threshold"));
    int tolerance = a.integer("tolerance");
    Path out = a.path("out");
    // One OpenCV thread: the figures then do not depend on what else the shared cores run.
    setNumThreads(a.integer("cv-threads"));
    Results results = new Results(out.resolve("peers.tsv"));
    Files.createDirectories(out);

    List<Scene> bases = new ArrayList<>();
    if (a.get("scene").equals("arena")) {
      for (String item : a.get("items").split(",")) {
        bases.add(Scenes.arenaShop(item.trim()));
      }
    } else {
      bases.add(Scenes.load(a.get("scene")));
    }
    Files.deleteIfExists(out.resolve("peers-scene.txt"));
    for (Scene base : bases) {
      String target = base.origin().replaceAll(".*template = ", "").replaceAll(" \\(\\d+x\\d+\\)", "");
      for (Scene scene : List.of(base, base.scaledScreen(0.8))) {
        measure(a, results, out, scene, base, target, runs, warmup, threshold, tolerance);
      }
    }
  }

  private static void measure(Args a, Results results, Path out, Scene scene, Scene base, String target, int runs,
      int warmup, double threshold, int tolerance) throws IOException {
    String name = target + ", " + scene.screen().getWidth() + "x" + scene.screen().getHeight()
        + (scene == base ? "" : " (x0.8 screen, template unscaled)");
    Path[] png = scene.writeTo(out.resolve("images"),
        target.replaceAll("[^A-Za-z0-9]+", "_").toLowerCase(Locale.ROOT) + (scene == base ? "-full" : "-scaled08"));
    String about = name + ": " + scene.origin() + "; ground truth x=" + scene.truth().x + " y=" + scene.truth().y
        + " " + scene.truth().width + "x" + scene.truth().height + "; threshold " + threshold + ", tolerance "
        + tolerance + " px";
    System.out.println("# " + about);
    Files.writeString(out.resolve("peers-scene.txt"), about + "\n", StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);

    record(results, name, "opencv raw: match only", scene, threshold, tolerance,
        RawOpenCv.matchOnly(png[0], png[1], warmup, runs));
    record(results, name, "opencv raw: PNG decode + match", scene, threshold, tolerance,
        RawOpenCv.withDecode(png[0], png[1], warmup, runs));
    record(results, name, "Stormproof: capture + find", scene, threshold, tolerance,
        StormproofPeer.run(png[0], png[1], warmup, runs, threshold, StormproofPeer.Mode.CAPTURE_AND_FIND));
    record(results, name, "Stormproof: find on captured frame", scene, threshold, tolerance,
        StormproofPeer.run(png[0], png[1], warmup, runs, threshold, StormproofPeer.Mode.FIND_ON_FRAME));
    record(results, name, "Stormproof: find on captured frame, colour check", scene, threshold, tolerance,
        StormproofPeer.run(png[0], png[1], warmup, runs, threshold, StormproofPeer.Mode.FIND_ON_FRAME,
            StormproofPeer.MIN_SCALE, StormproofPeer.MAX_SCALE, true));
    record(results, name, "Stormproof: find on captured frame, scale 1 only", scene, threshold, tolerance,
        StormproofPeer.run(png[0], png[1], warmup, runs, threshold, StormproofPeer.Mode.FIND_ON_FRAME, 1.0, 1.0, false));
    results.add(sikulix(a, name, scene, png, warmup, runs, threshold, tolerance));
    results.add(appium(a, name, scene, png, warmup, runs, threshold, tolerance));
  }

  private static void record(Results results, String scenario, String impl, Scene scene,
      double threshold, int tolerance, Outcome o) {
    results.add(row(scenario, impl, scene, threshold, tolerance, o));
  }

  private static ResultRow row(String scenario, String impl, Scene scene, double threshold,
      int tolerance, Outcome o) {
    String where = o.x() < 0 ? "none"
        : String.format(Locale.ROOT, "(%d,%d) score %.3f", o.x(), o.y(), o.score())
            + (o.w() > 0 ? " size " + o.w() + "x" + o.h() : "");
    return new ResultRow("peers", scenario, impl, Stats.ofNanos(o.nanos()),
        o.verdict(scene, threshold, tolerance), where, o.note());
  }

  private static ResultRow sikulix(Args a, String scenario, Scene scene, Path[] png, int warmup,
      int runs, double threshold, int tolerance) {
    String impl = "SikuliX 2.0.5 Finder";
    Path cpFile = a.path("sikulix-classpath");
    if (!Files.exists(cpFile)) {
      return ResultRow.missing("peers", scenario, impl, "no SikuliX class path at " + cpFile
          + "; benchmarks/run.sh resolves it from benchmarks/peers/sikulix/pom.xml");
    }
    String cp = ownClasses() + java.io.File.pathSeparator + read(cpFile).trim();
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.awt.headless=true", "-Xmx1g", "-cp", cp, SikulixProbe.class.getName(),
        png[0].toString(), png[1].toString(), Integer.toString(warmup), Integer.toString(runs),
        Double.toString(threshold));
    return subprocess(cmd, scenario, impl, scene, threshold, tolerance, runs);
  }

  private static ResultRow appium(Args a, String scenario, Scene scene, Path[] png, int warmup,
      int runs, double threshold, int tolerance) {
    String impl = "Appium @appium/opencv 4.1.5";
    Path modules = a.path("node-modules");
    if (!Files.isDirectory(modules.resolve("@appium/opencv"))) {
      return ResultRow.missing("peers", scenario, impl, "@appium/opencv not installed under " + modules
          + "; benchmarks/run.sh installs it with npm");
    }
    Path script = Path.of("benchmarks", "peers", "appium", "appium-probe.mjs");
    List<String> cmd = List.of("node", script.toString(), modules.toString(), png[0].toString(),
        png[1].toString(), Integer.toString(warmup), Integer.toString(runs), Double.toString(threshold));
    return subprocess(cmd, scenario, impl, scene, threshold, tolerance, runs);
  }

  private static ResultRow subprocess(List<String> cmd, String scenario, String impl, Scene scene,
      double threshold, int tolerance, int runs) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      List<String> lines = new ArrayList<>();
      String result = null;
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          lines.add(line);
          if (line.startsWith("RESULT ")) {
            result = line.substring(7);
          }
        }
      }
      // The stream ended, so the process is exiting; the bound only guards a hung exit.
      if (!p.waitFor(60L + runs * 10L, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      if (result == null) {
        String tail = String.join(" | ", lines.subList(Math.max(0, lines.size() - 4), lines.size()));
        return ResultRow.missing("peers", scenario, impl, "exit " + p.exitValue() + ", no RESULT line: " + tail);
      }
      return row(scenario, impl, scene, threshold, tolerance, Outcome.parseJson(result));
    } catch (IOException e) {
      return ResultRow.missing("peers", scenario, impl, "cannot start " + cmd.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + impl, e);
    }
  }

  private static String ownClasses() {
    try {
      return Path.of(PeersBench.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException("cannot locate the benchmark classes", e);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
  }
}
