package com.example.arena;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormproof.device.Device;
import dev.stormproof.device.virtual.arena.Arena;
import dev.stormproof.junit.ExpectTemplate;
import dev.stormproof.junit.OnDevice;
import dev.stormproof.vision.Match;
import dev.stormproof.vision.Vision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@OnDevice
class FirstTest {

  @BeforeEach
  void launch(Device device) {
    device.startApp(Arena.COMPONENT);
  }

  @Test
  @ExpectTemplate("arena/title.png")
  void playOpensTheLobby(Device device, @ExpectTemplate("arena/play.png") Match play) {
    device.tap(play.center());
    assertThat(Arena.coins(device)).isEqualTo(100);
  }

  @Test
  void aWonBattlePays(Device device, Vision vision) {
    vision.tap("arena/play.png");
    vision.tap("arena/battle.png"); // waits through the loading screen
    for (int hit = 0; hit < 5; hit++) {
      vision.tap("arena/attack.png");
    }
    vision.tap("arena/collect.png"); // the reward pop-up, wherever it lands
    assertThat(Arena.coins(device)).isEqualTo(200);
  }
}
