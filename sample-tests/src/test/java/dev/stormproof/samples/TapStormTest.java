package dev.stormproof.samples;

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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;

/**
 * 300 concurrent tasks hammer the ATTACK button through the device's tap queue (20 taps/s).
 * Every tap arrives exactly once; after each repetition the tasks are joined, the Vision's
 * buffers freed, and {@code @LeakGuard} checks that nothing grew: native memory, javacpp
 * objects, threads, tasks.
 */
@OnDevice
@LeakGuard(warmup = 1)
@DisplayName("Arena: tap storm")
class TapStormTest {

  private static final int TASKS = 300;

  @BeforeEach
  void toTheBattle(Device device, Vision vision) {
    device.startApp(Arena.COMPONENT);
    vision.tap("arena/play.png");
    vision.tap("arena/battle.png");
  }

  @RepeatedTest(3)
  void stormOfTaps(Device device, @ExpectTemplate("arena/attack.png") Match attack, TaskScope tasks)
      throws InterruptedException {
    long before = Long.parseLong(Arena.state(device).get("tapsReceived"));

    for (int i = 0; i < TASKS; i++) {
      tasks.fork(() -> device.tap(attack.center()));
    }
    tasks.join(); // the first failed tap would fail the test here, with its fork site

    long after = Long.parseLong(Arena.state(device).get("tapsReceived"));
    assertThat(after - before).as("taps received by the game").isEqualTo(TASKS);
  }
}
