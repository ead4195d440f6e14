package dev.stormproof.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The sections of {@code docs/BENCHMARKS.md}, each from one results file. */
final class Sections {
  private Sections() {
  }

  static String peers(List<ResultRow> rows, Path sceneFile, Path weightFile) {
    StringBuilder md = new StringBuilder("## Template matching: Stormproof and its peers\n\n");
    if (rows.isEmpty()) {
      return md.append("_No peers.tsv: `PeersBench` did not run._\n\n").toString();
    }
    if (Files.exists(weightFile)) {
      lines(weightFile).forEach(l -> md.append("- ").append(l).append('\n'));
    }
    if (Files.exists(sceneFile)) {
      lines(sceneFile).forEach(l -> md.append("- ").append(l).append('\n'));
      md.append('\n');
    }
    md.append("Same run, same PNG files (`benchmarks/target/results/images/`). The gem icons are ")
        .append("one shape in ten hues: TM_CCOEFF_NORMED on gray is blind to hue (and to brightness), so ")
        .append("only a colour check can tell them apart. \"Right button\" means the best match has a score at or above the threshold ")
        .append("and its centre lies within the tolerance of the ground-truth centre (`PeersBench` ")
        .append("options). The x0.8 case scales the screen, not the template, as a different phone ")
        .append("resolution does. The bytedeco rows use one OpenCV thread; SikuliX uses OpenCV's ")
        .append("default threading; opencv.js in Node is single-threaded WebAssembly.\n\n");
    md.append("Ratio columns compare each row with each peer (raw OpenCV, SikuliX, Appium).\n\n");
    return md.append(BenchReport.ratioTable(rows, true, r -> !r.impl().startsWith("Stormproof"))).toString();
  }

  static String adb(List<ResultRow> rows) {
    StringBuilder md = new StringBuilder("## ADB paths: milliseconds per tap command\n\n");
    if (rows.isEmpty()) {
      return md.append("_No adb.tsv: `AdbBench` did not run._\n\n").toString();
    }
    md.append("Each row taps the embedded virtual device on loopback with zero device latency, so the ")
        .append("figure is the transport's cost per tap: one `input tap X Y` shell command per tap, except ")
        .append("the raw row, which writes input events to the touchscreen over one long-lived stream. ")
        .append("\"delivered\" counts the taps in the device's tap log.\n\n");
    return md.append(BenchReport.ratioTable(rows, false, r -> true)).toString();
  }

  static String soak(Path tsv) {
    StringBuilder md = new StringBuilder("## Storm soak\n\n");
    if (!Files.exists(tsv)) {
      return md.append("_No soak.tsv: `StormSoak` did not run._\n\n").toString();
    }
    md.append("| metric | value |\n|---|---|\n");
    for (String line : lines(tsv)) {
      String[] kv = line.split("\t", 2);
      if (kv.length == 2) {
        md.append("| ").append(kv[0]).append(" | ").append(kv[1]).append(" |\n");
      }
    }
    md.append("\nThe per-second series (RSS, native bytes, threads, taps) is in ")
        .append("`benchmarks/target/results/soak-series.csv`.\n\n");
    return md.toString();
  }

  /**
   * The hour-long soak (issue: taps/s held, zero leaks, RSS flat after warm-up). It is too long
   * for {@code run.sh}, so {@code benchmarks/soak-hour.sh} writes its results into
   * {@code docs/soak-1h/} (committed) and every report shows them.
   */
  static String hourSoak(Path dir) {
    StringBuilder md = new StringBuilder("## Storm soak, one hour (outside CI)\n\n");
    Path tsv = dir.resolve("soak.tsv");
    if (!Files.exists(tsv)) {
      return md.append("_No docs/soak-1h/soak.tsv: run `benchmarks/soak-hour.sh`._\n\n").toString();
    }
    md.append("`benchmarks/soak-hour.sh` (300 producers, 20 taps/s, 3600 s in 12 rounds, the first a warm-up; ")
        .append("virtual device with phone latency; `-Xms1g -Xmx1g -XX:+AlwaysPreTouch`). ")
        .append("Each round is judged by the leak guard; the per-second series is `docs/soak-1h/soak-series.csv`.\n\n")
        .append("| metric | value |\n|---|---|\n");
    for (String line : lines(tsv)) {
      String[] kv = line.split("\t", 2);
      if (kv.length == 2) {
        md.append("| ").append(kv[0]).append(" | ").append(kv[1]).append(" |\n");
      }
    }
    return md.append("\n").toString();
  }

  static String appGuard(Path rows) {
    StringBuilder md = new StringBuilder("## App guard: cost per iteration boundary\n\n");
    if (!Files.exists(rows)) {
      return md.append("_No app-guard.md: the AppGuardCost run did not happen._\n\n").toString();
    }
    List<String> all = lines(rows);
    md.append("`@AppGuard` reads the app only at iteration boundaries (before and after the test method, two per ")
        .append("iteration), never during a test. One reading is `AppProbe.sample(true)`: pid, `/proc/<pid>/status`, ")
        .append("`ls /proc/<pid>/fd`, `dumpsys meminfo`, `dumpsys gfxinfo <pkg> reset`, `dumpsys activity processes` ")
        .append("and `logcat -b crash -d` joined into one shell command line (a second round trip only when the pid ")
        .append("changed). Measured by `AppGuardCost` against Arena on the virtual device over dadb (")
        .append(all.isEmpty() ? "" : all.get(0)).append("). On a phone `dumpsys meminfo` alone takes hundreds ")
        .append("of milliseconds, which is why the guard never samples inside a test.\n\n")
        .append("| device latency | round trips per boundary | median ms | p95 ms | max ms |\n|---|---:|---:|---:|---:|\n");
    all.stream().skip(1).forEach(l -> md.append(l).append('\n'));
    return md.append('\n').toString();
  }

  /**
   * The sample suite's report: its size and its evidence. {@code benchmarks/report-size.sh}
   * writes {@code docs/report-evidence/report.tsv} after a {@code mvn -Preport verify}; the per-
   * picture cost is the {@code ReportEvidenceBench} rows of the JMH section.
   */
  static String reportSize(Path dir) {
    StringBuilder md = new StringBuilder("## Report size and evidence cost\n\n");
    Path tsv = dir.resolve("report.tsv");
    if (!Files.exists(tsv)) {
      return md.append("_No docs/report-evidence/report.tsv: run `mvn -Preport verify && benchmarks/report-size.sh`._\n\n").toString();
    }
    md.append("`mvn -Preport verify && benchmarks/report-size.sh`: the Allure report of the sample suite ")
        .append("(default `stormproof.report.steps=screens`). What each piece of evidence costs the test that makes it ")
        .append("is in the JMH section (`ReportEvidenceBench`: step picture, burst heat-map, clean leak chart).\n\n")
        .append("| metric | value |\n|---|---|\n");
    for (String line : lines(tsv)) {
      String[] kv = line.split("\t", 2);
      if (kv.length == 2 && !kv[0].equals("metric")) {
        md.append("| ").append(kv[0]).append(" | ").append(kv[1]).append(" |\n");
      }
    }
    return md.append("\n").toString();
  }

  static String jmh(Path csv) {
    StringBuilder md = new StringBuilder("## JMH: hot paths\n\n");
    if (!Files.exists(csv)) {
      return md.append("_No jmh.csv: the JMH run did not happen._\n\n").toString();
    }
    List<String> all = lines(csv);
    if (all.isEmpty()) {
      return md.append("_jmh.csv is empty._\n\n").toString();
    }
    List<String> header = csvFields(all.get(0));
    md.append("Short run (settings above): treat the error column seriously. Image benchmarks use the ")
        .append("peers' default scene (Arena's shop at 1080x2400, ARMOR gem template; ")
        .append("`-Dstormproof.bench.scene=synthetic` for the Java2D screen). Rows ending in `:judged` / ")
        .append("`:falseAlarms` are counts per measurement iteration, not times.\n\n| benchmark | params | mode | score | error (99.9%) | unit |\n|---|---|---|---:|---:|---|\n");
    for (String line : all.subList(1, all.size())) {
      List<String> f = csvFields(line);
      StringBuilder params = new StringBuilder();
      for (int i = 7; i < f.size() && i < header.size(); i++) {
        if (!f.get(i).isEmpty()) {
          params.append(params.length() == 0 ? "" : ", ").append(header.get(i).replace("Param: ", ""))
              .append('=').append(f.get(i));
        }
      }
      String name = f.get(0).replace("dev.stormproof.bench.jmh.", "");
      md.append("| ").append(name).append(" | ").append(params).append(" | ").append(f.get(1)).append(" | ")
          .append(round(f.get(4))).append(" | ").append(round(f.get(5))).append(" | ").append(f.get(6)).append(" |\n");
    }
    return md.append('\n').toString();
  }

  private static String round(String number) {
    try {
      double d = Double.parseDouble(number);
      return Double.isNaN(d) ? "-" : ResultRow.fmt(d);
    } catch (NumberFormatException e) {
      return number;
    }
  }

  /** Splits one RFC 4180 line (JMH quotes every text field). */
  static List<String> csvFields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  private static List<String> lines(Path p) {
    try {
      return Files.readAllLines(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
  }
}
