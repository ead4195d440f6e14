package dev.stormproof.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormproof.device.Device;
import dev.stormproof.device.virtual.arena.Arena;
import dev.stormproof.junit.ExpectTemplate;
import dev.stormproof.junit.OnDevice;
import dev.stormproof.vision.Match;
import dev.stormproof.vision.NumberStyle;
import dev.stormproof.vision.Vision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The main path of the game: title, lobby, a won battle, the reward. */
@OnDevice
@DisplayName("Arena: title to lobby to battle")
class ArenaJourneyTest {

  @BeforeEach
  void launch(Device device) {
    device.startApp(Arena.COMPONENT); // a fresh session for every test
  }

  @Test
  @DisplayName("PLAY opens the lobby with 100 coins")
  @ExpectTemplate("arena/title.png")
  @ExpectTemplate(value = "arena/battle.png", after = true)
  void playOpensTheLobby(Device device, Vision vision, @ExpectTemplate("arena/play.png") Match play) {
    device.tap(play.center());
    vision.waitFor("arena/battle.png"); // past the loading screen
    assertThat(vision.text().number(ArenaScreenRegions.coins(device.screenSize()), NumberStyle.GROUPED)).isEqualTo(100);
  }

  @Test
  @DisplayName("Winning a battle pays 100 coins")
  void winningABattlePays(Device device, Vision vision) {
    vision.tap("arena/play.png");
    vision.tap("arena/battle.png"); // waits through the loading screen
    for (int hit = 0; hit < 5; hit++) {
      vision.tap("arena/attack.png");
    }
    vision.tap("arena/collect.png"); // the reward pop-up, wherever it appears
    vision.waitFor("arena/battle.png");

    assertThat(vision.text().number(ArenaScreenRegions.coins(device.screenSize()), NumberStyle.GROUPED)).isEqualTo(200);
    assertThat(vision.text().read(ArenaScreenRegions.wins(device.screenSize()))).isEqualTo("WINS 1");
  }
}
