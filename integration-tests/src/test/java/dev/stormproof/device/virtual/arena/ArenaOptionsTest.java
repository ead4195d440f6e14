package dev.stormproof.device.virtual.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormproof.device.Size;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArenaOptionsTest {
  @Test
  void defaultsWhenNothingIsConfigured() {
    assertThat(ArenaOptions.fromConfig(k -> Optional.empty())).isEqualTo(ArenaOptions.defaults());
    assertThat(ArenaOptions.defaults()).isEqualTo(new ArenaOptions(42, 5, 100, 100, 25, new Size(1080, 2400)));
  }

  @Test
  void readsEveryKey() {
    Map<String, String> config = Map.of(
        "stormproof.arena.seed", "7", "stormproof.arena.attacksToWin", "3", "stormproof.arena.startCoins", "10",
        "stormproof.arena.battleReward", "20", "stormproof.arena.bonusReward", "30",
        "stormproof.arena.screenSize", "720x1600");
    assertThat(ArenaOptions.fromConfig(k -> Optional.ofNullable(config.get(k))))
        .isEqualTo(new ArenaOptions(7, 3, 10, 20, 30, new Size(720, 1600)));
  }

  @Test
  void withCopiesChangeOneField() {
    ArenaOptions o = ArenaOptions.defaults().withSeed(9).withAttacksToWin(2);
    assertThat(o.seed()).isEqualTo(9);
    assertThat(o.attacksToWin()).isEqualTo(2);
    assertThat(o.startCoins()).isEqualTo(ArenaOptions.DEFAULT_START_COINS);
  }

  @Test
  void badValuesSayWhatIsWrong() {
    assertThatThrownBy(() -> ArenaOptions.fromConfig(k -> k.equals("stormproof.arena.seed") ? Optional.of("abc") : Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stormproof.arena.seed=abc is not a whole number, for example 2");
    assertThatThrownBy(() -> ArenaOptions.defaults().withAttacksToWin(0))
        .hasMessage("Arena attacksToWin is 0: it must be at least 1");
    assertThatThrownBy(() -> ArenaOptions.defaults().withStartCoins(-1))
        .hasMessage("Arena coins must not be negative: startCoins=-1, battleReward=100, bonusReward=25; use 0 or more");
  }
}
