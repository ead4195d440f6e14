package dev.stormproof.device.virtual.arena;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormproof.device.Size;
import org.junit.jupiter.api.Test;

/**
 * The virtual device drives Arena with its wall clock (epoch milliseconds), not with small test
 * times: every screen must render there too. Regression: the loading spinner computed its
 * alpha from {@code (int) (now / 90)}, which overflows at epoch times.
 */
class ArenaWallClockTest {

  private static final long EPOCH_2026 = 1_795_000_000_000L;

  @Test
  void everyScreenRendersAtEpochTimes() {
    Size size = new Size(1080, 2400);
    ArenaGame game = new ArenaGame();
    game.start(EPOCH_2026);
    game.render(size, EPOCH_2026);
    var play = game.scene(size, EPOCH_2026).get("play").bounds();
    game.tap(play.x() + play.width() / 2, play.y() + play.height() / 2, EPOCH_2026 + 1);

    assertThat(game.currentScreen(EPOCH_2026 + 2)).isEqualTo(ArenaScreen.LOADING);
    for (long t = EPOCH_2026 + 2; t < EPOCH_2026 + 2 + 8 * 90; t += 45) {
      assertThat(game.render(size, t).getWidth()).isEqualTo(1080);
    }
  }
}
