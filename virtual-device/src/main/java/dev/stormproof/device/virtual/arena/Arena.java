package dev.stormproof.device.virtual.arena;

import dev.stormproof.device.Device;
import dev.stormproof.device.ShellResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a QA team keeps next to its tests, for the sample game Arena: its launch component and a
 * way to read its state. Arena reports its state through {@code dumpsys stormproof}, the way
 * real apps expose debug state through {@code dumpsys}. Works on any {@link Device} running
 * Arena (the embedded virtual device, or the standalone one behind an adb server).
 *
 * <pre>{@code
 * device.startApp(Arena.COMPONENT);
 * vision.tap("arena/play.png");
 * assertThat(Arena.coins(device)).isEqualTo(100);
 * }</pre>
 */
public final class Arena {

  /** Arena's launch component, for {@link Device#startApp(String)}. */
  public static final String COMPONENT = ArenaGame.COMPONENT;

  private Arena() {}

  /**
   * The {@code key=value} lines Arena prints, e.g. {@code coins -> 200}, {@code screen -> lobby}.
   *
   * @param device a device running Arena
   * @return the state, in Arena's order
   */
  public static Map<String, String> state(Device device) {
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

  /**
   * The player's coins.
   *
   * @param device a device running Arena
   * @return the coins Arena reports
   */
  public static int coins(Device device) {
    return Integer.parseInt(state(device).get("coins"));
  }
}
