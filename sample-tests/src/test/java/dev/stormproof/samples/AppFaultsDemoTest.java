package dev.stormproof.samples;

import dev.stormproof.device.Device;
import dev.stormproof.device.virtual.arena.Arena;
import dev.stormproof.junit.AppGuard;
import dev.stormproof.junit.OnDevice;
import dev.stormproof.vision.Vision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Tag;

/**
 * The game's own faults, planted with Arena's debug switches, as QA sees them in the report:
 * a native leak per battle, a thread per battle, jank from the third battle, a crash in the
 * third battle. Excluded from normal runs; run with {@code mvn -Preport,demo-failures verify}.
 */
@Tag("demo-failures")
@OnDevice
@AppGuard("dev.stormproof.arena")
@DisplayName("Demo: the game's faults under @AppGuard")
class AppFaultsDemoTest {

  /** One battle per repetition with {@code fault} switched on from the first. */
  abstract static class Planted {
    abstract String fault();

    @BeforeEach
    void launch(Device device, RepetitionInfo repetition) {
      if (repetition.getCurrentRepetition() == 1) {
        ArenaSwitches.allOff(device);
        device.shell("setprop " + fault());
      }
      device.startApp(Arena.COMPONENT);
    }

    @AfterEach
    void switchOff(Device device, RepetitionInfo repetition) {
      if (repetition.getCurrentRepetition() == repetition.getTotalRepetitions()) {
        ArenaSwitches.allOff(device); // later tests get a healthy game
      }
    }

    @RepeatedTest(6)
    @DisplayName("battle")
    void battle(Vision vision) {
      ArenaSwitches.winBattle(vision);
    }
  }

  @Nested
  @DisplayName("Native memory: each battle leaks 6 MiB")
  class Leak extends Planted {
    @Override
    String fault() {
      return "debug.arena.leak 6144";
    }
  }

  @Nested
  @DisplayName("Threads: each battle starts a thread that never ends")
  class Threads extends Planted {
    @Override
    String fault() {
      return "debug.arena.threads 1";
    }
  }

  @Nested
  @DisplayName("Frames: janky from the third battle on")
  class Jank extends Planted {
    @Override
    String fault() {
      return "debug.arena.jank 3";
    }
  }

  @Nested
  @DisplayName("Crash: the third battle crashes the game")
  class Crash extends Planted {
    @Override
    String fault() {
      return "debug.arena.crash 3";
    }
  }
}
