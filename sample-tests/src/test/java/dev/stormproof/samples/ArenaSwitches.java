package dev.stormproof.samples;

import dev.stormproof.device.Device;
import dev.stormproof.vision.Vision;

/** Arena's debug switches ({@code setprop debug.arena.*}) and the battle the app-guard samples play. */
final class ArenaSwitches {

  private ArenaSwitches() {}

  /** Every switch off and a new game process (a force-stop ends what the old one leaked). */
  static void allOff(Device device) {
    device.shell("setprop debug.arena.leak 0; setprop debug.arena.threads 0; "
        + "setprop debug.arena.jank 0; setprop debug.arena.crash 0; setprop debug.arena.anr 0");
    device.stopApp("dev.stormproof.arena");
  }

  /** Title, lobby, five ATTACKs, the reward collected: back in the lobby. */
  static void winBattle(Vision vision) {
    vision.tap("arena/play.png");
    vision.tap("arena/battle.png"); // waits through the loading screen
    for (int hit = 0; hit < 5; hit++) {
      vision.tap("arena/attack.png");
    }
    vision.tap("arena/collect.png");
    vision.waitFor("arena/battle.png");
  }
}
