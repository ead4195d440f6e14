package dev.stormproof.junit;

import dev.stormproof.device.Device;
import dev.stormproof.device.virtual.arena.Arena;
import dev.stormproof.testing.ArenaDriver;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** Arena battles under {@link AppGuard}, clean and with each planted fault; run by {@link AppGuardTest}. */
final class AppGuardFixtures {

  static final String ARENA = "dev.stormproof.arena";
  static final Duration PATIENCE = Duration.ofSeconds(5);

  private AppGuardFixtures() {}

  /**
   * Before the first repetition: every switch off, a new Arena process, then {@code fault} on;
   * before each: Arena started (a fresh game session in the same process).
   */
  static void launch(Device device, RepetitionInfo repetition, String fault) {
    if (repetition.getCurrentRepetition() == 1) {
      device.shell("setprop debug.arena.leak 0; setprop debug.arena.threads 0; "
          + "setprop debug.arena.jank 0; setprop debug.arena.crash 0; setprop debug.arena.anr 0");
      device.stopApp(ARENA);
      if (fault != null) {
        device.shell("setprop " + fault);
      }
    }
    device.startApp(Arena.COMPONENT);
  }

  @OnDevice
  @AppGuard(ARENA)
  static class Clean {
    @BeforeEach
    void launch(Device device, RepetitionInfo repetition) {
      AppGuardFixtures.launch(device, repetition, null);
    }

    @RepeatedTest(20)
    void battle(Device device) {
      ArenaDriver.battle(device, Duration.ofSeconds(10));
    }
  }

  @OnDevice
  @AppGuard(ARENA)
  static class Leak {
    @BeforeEach
    void launch(Device device, RepetitionInfo repetition) {
      AppGuardFixtures.launch(device, repetition, "debug.arena.leak 6144");
    }

    @RepeatedTest(6)
    void battle(Device device) {
      ArenaDriver.battle(device, PATIENCE);
    }
  }

  @OnDevice
  @AppGuard(ARENA)
  static class Threads {
    @BeforeEach
    void launch(Device device, RepetitionInfo repetition) {
      AppGuardFixtures.launch(device, repetition, "debug.arena.threads 1");
    }

    @RepeatedTest(6)
    void battle(Device device) {
      ArenaDriver.battle(device, PATIENCE);
    }
  }

  @OnDevice
  @AppGuard(ARENA)
  static class Jank {
    @BeforeEach
    void launch(Device device, RepetitionInfo repetition) {
      AppGuardFixtures.launch(device, repetition, "debug.arena.jank 3");
    }

    @RepeatedTest(4)
    void battle(Device device) {
      ArenaDriver.battle(device, PATIENCE);
    }
  }

  @OnDevice
  @AppGuard(ARENA)
  static class Crashing {
    @BeforeEach
    void launch(Device device, RepetitionInfo repetition) {
      AppGuardFixtures.launch(device, repetition, "debug.arena.crash 3");
    }

    @RepeatedTest(4)
    void battle(Device device) {
      ArenaDriver.battle(device, PATIENCE);
    }
  }

  @OnDevice
  @AppGuard(ARENA)
  static class NotResponding {
    @BeforeEach
    void launch(Device device, RepetitionInfo repetition) {
      AppGuardFixtures.launch(device, repetition, "debug.arena.anr 3");
    }

    @RepeatedTest(3)
    void battle(Device device) {
      ArenaDriver.battle(device, PATIENCE);
    }
  }

  /** 1 MiB a battle: far under the 16 MiB tolerance each time, but it never stops climbing. */
  @OnDevice
  @AppGuard(ARENA)
  static class Creeping {
    @BeforeEach
    void launch(Device device, RepetitionInfo repetition) {
      AppGuardFixtures.launch(device, repetition, "debug.arena.leak 1024");
    }

    @RepeatedTest(6)
    void battle(Device device) {
      ArenaDriver.battle(device, PATIENCE);
    }
  }

  /** The enclosing class's annotation guards a nested class. */
  @OnDevice
  @AppGuard(value = ARENA, warmup = 1)
  static class Outer {
    @org.junit.jupiter.api.Nested
    class Inner {
      @BeforeEach
      void launch(Device device, RepetitionInfo repetition) {
        AppGuardFixtures.launch(device, repetition, "debug.arena.threads 3");
      }

      @RepeatedTest(2)
      void battle(Device device) {
        ArenaDriver.battle(device, PATIENCE);
      }
    }
  }

  // --- misuse ---------------------------------------------------------------------------------

  @AppGuard(ARENA)
  static class NoDevice {
    @Test
    void t() { }
  }

  @OnDevice
  @AppGuard
  static class NoPackage {
    @Test
    void t() { }
  }

  @OnDevice
  static class BadPackage {
    @Test
    @AppGuard("arena; reboot")
    void t() { }
  }

  @OnDevice
  @AppGuard("com.example.missing")
  static class WrongPackage {
    @RepeatedTest(3)
    void t() { }
  }

  @OnDevice
  @AppGuard(ARENA)
  static class Configured {
    @Test
    void t() { }
  }

  @OnDevice
  @AppGuard(value = ARENA, warmup = -1)
  static class NegativeWarmup {
    @Test
    void t() { }
  }
}
