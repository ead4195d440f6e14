package dev.stormproof.samples;

import dev.stormproof.device.Device;
import dev.stormproof.device.ShellResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a QA team keeps next to its tests: the app under test's component and a way to read its
 * state. Arena (the sample game of the virtual device) reports its state through
 * {@code dumpsys stormproof}, the way real apps expose debug state through {@code dumpsys}.
 */
final class Arena {

  static final String COMPONENT = "dev.stormproof.arena/.MainActivity";

  private Arena() {}

  /** The {@code key=value} lines Arena prints, e.g. {@code coins -> 200}, {@code screen -> lobby}. */
  static Map<String, String> state(Device device) {
    ShellResult dump = device.shell("dumpsys stormproof");
    Map<String, String> state = new LinkedHashMap<>();
    for (String line : dump.stdout().split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0 && !line.startsWith(" ")) {
        state.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return state;
  }

  static int coins(Device device) {
    return Integer.parseInt(state(device).get("coins"));
  }
}
