package dev.stormproof.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Rectangle;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness's arithmetic and parsing; measures nothing. */
class HarnessTest {

  @Test
  void nearestRankPercentilesAreObservedValues() {
    Stats s = Stats.ofNanos(new long[] {5_000_000, 1_000_000, 3_000_000, 2_000_000, 4_000_000,
        6_000_000, 7_000_000, 8_000_000, 9_000_000, 10_000_000});
    assertThat(s.medianMs()).isEqualTo(5.0);
    assertThat(s.p90Ms()).isEqualTo(9.0);
    assertThat(s.p99Ms()).isEqualTo(10.0);
    assertThat(s.minMs()).isEqualTo(1.0);
    assertThat(s.n()).isEqualTo(10);
  }

  @Test
  void noTimingsIsAnError() {
    assertThatThrownBy(() -> Stats.ofNanos(new long[0]))
        .hasMessage("no timings: need at least one run, got 0; run with --runs 1 or more");
  }

  @Test
  void parsesPeerOutput() {
    Outcome o = Outcome.parseJson(
        "{\"x\":661,\"y\":1450,\"score\":0.9987,\"note\":\"getImageOccurrence(png, png)\",\"nanos\":[10,20,30]}");
    assertThat(o.x()).isEqualTo(661);
    assertThat(o.y()).isEqualTo(1450);
    assertThat(o.score()).isEqualTo(0.9987);
    assertThat(o.nanos()).containsExactly(10, 20, 30);
    assertThat(o.note()).isEqualTo("getImageOccurrence(png, png)");
    Outcome none = Outcome.parseJson("{\"x\":-1,\"y\":-1,\"score\":null,\"nanos\":[1]}");
    assertThat(none.x()).isEqualTo(-1);
    assertThat(none.score()).isNaN();
  }

  @Test
  void verdictUsesGroundTruthAndThreshold() {
    Scene scene = SyntheticScreen.render(7);
    Rectangle t = scene.truth();
    long[] one = {1};
    assertThat(new Outcome(t.x + 2, t.y - 2, 0.95, one, "").verdict(scene, 0.8, 4)).isEqualTo("yes");
    assertThat(new Outcome(t.x + 40, t.y, 0.95, one, "").verdict(scene, 0.8, 4)).isEqualTo("no (wrong button)");
    assertThat(new Outcome(t.x, t.y, 0.5, one, "").verdict(scene, 0.8, 4))
        .isEqualTo("no (right place, score below 0.8)");
    assertThat(new Outcome(-1, -1, Double.NaN, one, "").verdict(scene, 0.8, 4)).isEqualTo("no (nothing found)");
  }

  @Test
  void resultRowsRoundTrip() {
    ResultRow row = new ResultRow("peers", "1080x2400", "raw", Stats.ofNanos(new long[] {61_100_000}),
        "yes", "(1,2) score 1.000", "tab\there");
    ResultRow back = ResultRow.fromTsv(row.toTsv());
    assertThat(back.impl()).isEqualTo("raw");
    assertThat(back.stats().medianMs()).isEqualTo(61.1);
    assertThat(back.note()).isEqualTo("tab here");
    assertThat(ResultRow.fromTsv(ResultRow.missing("adb", "s", "i", "why").toTsv()).stats()).isNull();
  }

  @Test
  void splitsJmhCsv() {
    assertThat(Sections.csvFields("\"a.B.c\",\"avgt\",1,3,12.5,\"NaN\",\"ms/op\",\"0.5\""))
        .isEqualTo(List.of("a.B.c", "avgt", "1", "3", "12.5", "NaN", "ms/op", "0.5"));
  }

  @Test
  void readsTheOneMinuteLoadFromRunShLines() {
    assertThat(Machine.load1("start 05:45:42Z: loadavg 6.87 5.00 2.73, java processes 4")).isEqualTo(6.87);
    assertThat(Machine.load1("no load here")).isZero();
  }

  @Test
  void unknownOptionsAreRejected() {
    assertThatThrownBy(() -> new Args(new String[] {"--rnus", "3"}, java.util.Map.of("runs", "1")))
        .hasMessage("unknown option --rnus; known options: [runs]");
  }
}
