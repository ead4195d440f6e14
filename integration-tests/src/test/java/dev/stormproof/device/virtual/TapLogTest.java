package dev.stormproof.device.virtual;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TapLogTest {

  @Test
  void keepsTheMostRecentTapsWithGaplessSequenceNumbers() {
    TapLog log = new TapLog(3);
    for (int i = 0; i < 5; i++) {
      log.record(i, i * 2, i % 2 == 0 ? TapLog.Source.INPUT : TapLog.Source.RAW, 1000 + i);
    }
    assertThat(log.count()).isEqualTo(5);
    assertThat(log.snapshot()).extracting(TapLog.Tap::seq).containsExactly(3L, 4L, 5L);
    assertThat(log.since(4)).extracting(TapLog.Tap::x).containsExactly(4);
    assertThat(log.format()).isEqualTo("taps: 5\n  #3 input (2, 4) @1002\n  #4 raw (3, 6) @1003\n  #5 input (4, 8) @1004\n");
  }
}
