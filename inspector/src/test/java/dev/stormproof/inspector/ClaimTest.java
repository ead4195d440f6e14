package dev.stormproof.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One holder at a time; a silent holder (a closed tab) frees the inspector after the idle time. */
class ClaimTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void theHolderKeepsItWhileActiveAndLosesItWhenSilent() {
    Claim claim = new Claim();
    String first = claim.take(null, 0);
    assertThat(first).hasSize(32);
    assertThat(claim.take(null, SECOND)).as("a second window while the first is active").isNull();
    assertThat(claim.take(first, 2 * SECOND)).as("a reload of the holder").isEqualTo(first);
    assertThat(claim.holds(first, 2 * SECOND + Claim.IDLE_NANOS - 1)).isTrue();
    assertThat(claim.take("forged", 2 * SECOND + Claim.IDLE_NANOS)).as("active until its last request + idle").isNull();
    String second = claim.take(null, 3 * SECOND + 2 * Claim.IDLE_NANOS);
    assertThat(second).isNotNull().isNotEqualTo(first);
    assertThat(claim.holds(first, 3 * SECOND + 2 * Claim.IDLE_NANOS)).isFalse();
    assertThat(claim.holds(second, 3 * SECOND + 2 * Claim.IDLE_NANOS)).isTrue();
  }
}
