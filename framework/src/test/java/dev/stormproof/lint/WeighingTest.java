package dev.stormproof.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormproof.vision.Candidate;
import dev.stormproof.vision.Region;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeighingTest {

  private static Candidate at(int x, double score, double colour) {
    return new Candidate(new Region(x, 100, 50, 40), score, 1.0, colour);
  }

  @Test
  void aLookAlikeOfAnotherColourNeedsTheColourCheck() {
    Weighing w = Weighing.of(List.of(at(0, 1.0, 0.01), at(200, 0.97, 0.30), at(400, 0.60, 0.02)), 0.12);
    assertThat(w.runnerUp().region().x()).isEqualTo(200);
    assertThat(w.grayMargin()).isCloseTo(0.03, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(w.colorMargin()).isCloseTo(0.40, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(w.colorTellsApart()).isTrue();
    assertThat(w.colorCheckNeeded(0.1)).isTrue();
    assertThat(w.suggestedThreshold(true)).isEqualTo(0.80); // halfway to 0.60 is 0.80
    assertThat(w.suggestedThreshold(false)).isEqualTo(0.95); // 0.985 capped
  }

  @Test
  void aSameColouredTwinIsAmbiguousEvenWithColour() {
    Weighing w = Weighing.of(List.of(at(0, 0.99, 0.01), at(200, 0.98, 0.02)), 0.12);
    assertThat(w.colorTellsApart()).isFalse();
    assertThat(w.colorCheckNeeded(0.1)).isFalse();
    assertThat(w.colorMargin()).isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void aLoneMatchHasItsScoreAsMarginAndARegionClippedToTheScreen() {
    Weighing w = Weighing.of(List.of(at(10, 0.95, 0.0)), 0.12);
    assertThat(w.runnerUp()).isNull();
    assertThat(w.grayMargin()).isEqualTo(0.95);
    assertThat(w.suggestedRegion(1080, 2400)).isEqualTo(new Region(0, 60, 110, 120));
    assertThat(w.suggestedRegion(80, 130)).isEqualTo(new Region(0, 60, 80, 70));
  }
}
