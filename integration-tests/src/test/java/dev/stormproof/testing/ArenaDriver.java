package dev.stormproof.testing;

import dev.stormproof.device.Device;
import dev.stormproof.device.Point;
import dev.stormproof.device.virtual.arena.Arena;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * Plays Arena through a device by the ground truth Arena prints ({@code dumpsys stormproof}:
 * screen and element bounds), without templates: the framework's own tests of app-level
 * features need a battle, not a vision test.
 */
public final class ArenaDriver {

  private ArenaDriver() {}

  /** Title to lobby, one won battle, its reward collected: back in the lobby. */
  public static void battle(Device device, Duration patience) {
    tap(device, "play", patience);
    if (await(device, patience, "lobby", "reward").equals("reward")) {
      tap(device, "collect", patience); // the daily bonus
    }
    await(device, patience, "lobby");
    tap(device, "battle", patience);
    await(device, patience, "battle");
    for (int hit = 0; hit < 5; hit++) {
      tap(device, "attack", patience);
    }
    await(device, patience, "reward");
    tap(device, "collect", patience);
    await(device, patience, "lobby");
  }

  /** Taps the centre of element {@code name} once it is shown. */
  public static void tap(Device device, String name, Duration patience) {
    String[] bounds = new String[1];
    Awaitility.await(name + " shown on Arena").atMost(patience).pollInterval(Duration.ofMillis(20))
        .until(() -> (bounds[0] = bounds(Arena.state(device), name)) != null);
    // WxH@x,y
    String[] wh = bounds[0].substring(0, bounds[0].indexOf('@')).split("x");
    String[] xy = bounds[0].substring(bounds[0].indexOf('@') + 1).split(",");
    device.tap(new Point(Integer.parseInt(xy[0]) + Integer.parseInt(wh[0]) / 2,
        Integer.parseInt(xy[1]) + Integer.parseInt(wh[1]) / 2));
  }

  private static String await(Device device, Duration patience, String... screens) {
    String[] shown = new String[1];
    Awaitility.await("Arena shows " + String.join(" or ", screens)).atMost(patience)
        .pollInterval(Duration.ofMillis(20))
        .until(() -> java.util.List.of(screens).contains(shown[0] = Arena.state(device).get("screen")));
    return shown[0];
  }

  private static String bounds(Map<String, String> state, String name) {
    for (String e : state.getOrDefault("elements", "").split("; ")) {
      if (e.startsWith(name + " ")) {
        return e.substring(name.length() + 1);
      }
    }
    return null;
  }
}
