package dev.stormproof.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormproof.device.Point;
import dev.stormproof.device.virtual.TapLog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The soak's ground-truth comparison: every kind of discrepancy is counted. */
class TapLedgerTest {

  private static TapLog.Tap logged(long seq, long id) {
    Point p = TapLedger.point(id);
    return new TapLog.Tap(seq, p.x(), p.y(), TapLog.Source.RAW, seq);
  }

  @Test
  void pointsAndIdsRoundTrip() {
    for (long id : new long[] {0, 1, 999, 1000, 123_456}) {
      Point p = TapLedger.point(id);
      assertThat(TapLedger.id(p.x(), p.y())).isEqualTo(id);
    }
  }

  @Test
  void cleanWhenEveryAcknowledgedTapArrivedOnce() {
    TapLedger ledger = new TapLedger();
    long a = ledger.nextId();
    long b = ledger.nextId();
    ledger.record(a, TapLedger.Fate.ACKNOWLEDGED);
    ledger.record(b, TapLedger.Fate.CANCELLED);
    TapLedger.Check c = ledger.check(List.of(logged(1, a)));
    assertThat(c.clean()).isTrue();
    assertThat(c.acknowledged()).isEqualTo(1);
    assertThat(c.cancelled()).isEqualTo(1);
  }

  @Test
  void countsLostDuplicatedUnexpectedAndCancelledButDelivered() {
    TapLedger ledger = new TapLedger();
    long lost = ledger.nextId();
    long twice = ledger.nextId();
    long cancelled = ledger.nextId();
    ledger.record(lost, TapLedger.Fate.ACKNOWLEDGED);
    ledger.record(twice, TapLedger.Fate.ACKNOWLEDGED);
    ledger.record(cancelled, TapLedger.Fate.CANCELLED);
    TapLedger.Check c = ledger.check(List.of(logged(1, twice), logged(2, twice), logged(3, cancelled),
        new TapLog.Tap(4, 5, 5, TapLog.Source.INPUT, 4), logged(5, 777)));
    assertThat(c.lost()).isEqualTo(1);
    assertThat(c.duplicated()).isEqualTo(1);
    assertThat(c.cancelledButDelivered()).isEqualTo(1);
    assertThat(c.unexpected()).isEqualTo(2);
    assertThat(c.clean()).isFalse();
  }

  @Test
  void failuresAreGroupedByKind() {
    TapLedger ledger = new TapLedger();
    ledger.failed(ledger.nextId(), new IllegalStateException("lost 127.0.0.1:40001"));
    ledger.failed(ledger.nextId(), new IllegalStateException("lost 127.0.0.1:40002"));
    assertThat(ledger.failureKinds()).isEqualTo("2 x IllegalStateException: lost N.N.N.N:N");
  }
}
