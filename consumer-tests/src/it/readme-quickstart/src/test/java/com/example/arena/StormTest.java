package com.example.arena;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormproof.device.Device;
import dev.stormproof.device.virtual.arena.Arena;
import dev.stormproof.junit.ExpectTemplate;
import dev.stormproof.junit.LeakGuard;
import dev.stormproof.junit.OnDevice;
import dev.stormproof.tasks.TaskScope;
import dev.stormproof.vision.Match;
import dev.stormproof.vision.Vision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

@OnDevice
@LeakGuard(warmup = 1)
class StormTest {

  @BeforeEach
  void openTheBattle(Device device, Vision vision) {
    device.startApp(Arena.COMPONENT);
    vision.tap("arena/play.png");
    vision.tap("arena/battle.png");
  }

  @RepeatedTest(3)
  void threeHundredTasksTap(Device device, @ExpectTemplate("arena/attack.png") Match attack, TaskScope tasks)
      throws InterruptedException {
    int before = Integer.parseInt(Arena.state(device).get("tapsReceived"));
    for (int i = 0; i < 300; i++) {
      tasks.fork(() -> device.tap(attack.center()));
    }
    tasks.join(); // a failed tap fails the test here, with the line that forked it
    int after = Integer.parseInt(Arena.state(device).get("tapsReceived"));
    assertThat(after - before).isEqualTo(300);
  }
}
