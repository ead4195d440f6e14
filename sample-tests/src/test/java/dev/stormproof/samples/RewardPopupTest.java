package dev.stormproof.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormproof.device.Device;
import dev.stormproof.device.virtual.arena.Arena;
import dev.stormproof.junit.ExpectTemplate;
import dev.stormproof.junit.OnDevice;
import dev.stormproof.vision.Match;
import dev.stormproof.vision.NumberStyle;
import dev.stormproof.vision.Vision;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The reward pop-up appears at a different place after every battle; the test finds it anyway. */
@OnDevice
@DisplayName("Arena: reward pop-up")
class RewardPopupTest {

  @BeforeEach
  void toTheLobby(Device device, Vision vision) {
    device.startApp(Arena.COMPONENT);
    vision.tap("arena/play.png");
  }

  @Test
  @DisplayName("COLLECT is found wherever the pop-up lands")
  @ExpectTemplate(value = "arena/victory.png", absent = true, after = true)
  void collectWhereverThePopupLands(Device device, Vision vision) {
    Set<Match> collects = new HashSet<>();
    for (int battle = 1; battle <= 3; battle++) {
      vision.tap("arena/battle.png");
      for (int hit = 0; hit < 5; hit++) {
        vision.tap("arena/attack.png");
      }
      collects.add(vision.tap("arena/collect.png"));
      vision.waitFor("arena/battle.png");
    }
    assertThat(collects).extracting(Match::center).doesNotHaveDuplicates().hasSize(3);
    assertThat(vision.text().number(ArenaScreenRegions.coins(device.screenSize()), NumberStyle.GROUPED)).isEqualTo(400);
    assertThat(vision.text().read(ArenaScreenRegions.wins(device.screenSize()))).isEqualTo("WINS 3");
  }

  @Test
  @DisplayName("Closing the pop-up forfeits the reward")
  void closingForfeitsTheReward(Device device, Vision vision) {
    vision.tap("arena/battle.png");
    for (int hit = 0; hit < 5; hit++) {
      vision.tap("arena/attack.png");
    }
    vision.tap("arena/close.png");
    vision.waitVanish("arena/victory.png");
    assertThat(vision.text().number(ArenaScreenRegions.coins(device.screenSize()), NumberStyle.GROUPED)).isEqualTo(100);
  }
}
