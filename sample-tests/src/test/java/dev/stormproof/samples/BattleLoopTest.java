package dev.stormproof.samples;

import dev.stormproof.device.Device;
import dev.stormproof.device.virtual.arena.Arena;
import dev.stormproof.junit.AppGuard;
import dev.stormproof.junit.OnDevice;
import dev.stormproof.vision.Vision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Twenty battles in a row with the game itself under guard: after each battle the app guard
 * reads Arena's memory, threads, descriptors, frames and crash log, and fails the battle after
 * which the game grew, crashed or stopped responding.
 */
@OnDevice
@AppGuard("dev.stormproof.arena")
@DisplayName("Arena: twenty battles, the game under guard")
class BattleLoopTest {

  @BeforeEach
  void launch(Device device, RepetitionInfo repetition) {
    if (repetition.getCurrentRepetition() == 1) {
      ArenaSwitches.allOff(device); // a fresh game process with no planted fault
    }
    device.startApp(Arena.COMPONENT);
  }

  @RepeatedTest(20)
  @DisplayName("a won battle leaves the game as it found it")
  void battle(Vision vision) {
    ArenaSwitches.winBattle(vision);
  }
}
