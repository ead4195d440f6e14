package dev.stormproof.device.virtual;

import dev.stormproof.device.Size;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code input} command and the writable touchscreen, both delivering to the app through
 * {@link VirtualDevice#deliverTap} and friends.
 */
final class Input {

  private static final Map<String, Integer> KEYCODES = Map.ofEntries(
      Map.entry("HOME", 3), Map.entry("BACK", 4), Map.entry("DPAD_UP", 19), Map.entry("DPAD_DOWN", 20),
      Map.entry("DPAD_LEFT", 21), Map.entry("DPAD_RIGHT", 22), Map.entry("DPAD_CENTER", 23),
      Map.entry("VOLUME_UP", 24), Map.entry("VOLUME_DOWN", 25), Map.entry("POWER", 26), Map.entry("TAB", 61),
      Map.entry("SPACE", 62), Map.entry("ENTER", 66), Map.entry("DEL", 67), Map.entry("MENU", 82),
      Map.entry("ESCAPE", 111), Map.entry("APP_SWITCH", 187), Map.entry("WAKEUP", 224));
  private static final List<String> SOURCES = List.of("touchscreen", "touchpad", "mouse", "keyboard", "stylus",
      "trackball", "joystick", "gamepad", "dpad", "touchnavigation", "rotaryencoder");
  private static final String USAGE = "Usage: input [<source>] tap <x> <y> | swipe <x1> <y1> <x2> <y2> [duration(ms)]"
      + " | text <string> | keyevent <key code number or name> ...\n";

  private final VirtualDevice device;

  Input(VirtualDevice device) {
    this.device = device;
  }

  int run(List<String> args, ShellIo io) throws IOException, InterruptedException {
    if (!args.isEmpty() && SOURCES.contains(args.get(0))) {
      args = args.subList(1, args.size());
    }
    if (args.isEmpty()) {
      io.err(USAGE);
      return 1;
    }
    List<String> rest = args.subList(1, args.size());
    LatencyModel latency = device.latency();
    try {
      switch (args.get(0)) {
        case "tap" -> {
          if (rest.size() != 2) {
            throw new IllegalArgumentException("input tap takes 2 coordinates, got " + rest.size());
          }
          int x = coordinate(rest.get(0));
          int y = coordinate(rest.get(1));
          device.pause(latency.inputTap());
          device.deliverTap(x, y, TapLog.Source.INPUT);
        }
        case "swipe", "draganddrop" -> {
          if (rest.size() != 4 && rest.size() != 5) {
            throw new IllegalArgumentException("input swipe takes 4 coordinates and an optional duration, got " + rest.size() + " arguments");
          }
          int x1 = coordinate(rest.get(0));
          int y1 = coordinate(rest.get(1));
          int x2 = coordinate(rest.get(2));
          int y2 = coordinate(rest.get(3));
          long ms = rest.size() == 5 ? Long.parseLong(rest.get(4)) : 300;
          if (ms < 0) {
            throw new IllegalArgumentException("duration " + ms + " is negative");
          }
          device.pause(latency.swipeTakesItsDuration() ? latency.inputSwipe().plusMillis(ms) : latency.inputSwipe());
          device.deliverSwipe(x1, y1, x2, y2, ms);
        }
        case "text" -> {
          if (rest.isEmpty()) {
            throw new IllegalArgumentException("input text needs the text");
          }
          device.pause(latency.inputText());
          device.deliverText(String.join(" ", rest).replace("%s", " "));
        }
        case "keyevent" -> {
          if (rest.isEmpty()) {
            throw new IllegalArgumentException("input keyevent needs a key code");
          }
          int[] codes = new int[rest.size()];
          for (int i = 0; i < codes.length; i++) {
            codes[i] = keycode(rest.get(i));
          }
          device.pause(latency.inputKey());
          for (int code : codes) {
            device.deliverKey(code);
          }
        }
        default -> throw new IllegalArgumentException("unknown command '" + args.get(0) + "'");
      }
    } catch (IllegalArgumentException e) {
      io.err("Error: " + e.getMessage() + "\n" + USAGE);
      return 1;
    }
    return 0;
  }

  private static int coordinate(String s) {
    float f;
    try {
      f = Float.parseFloat(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + s + "' is not a coordinate");
    }
    if (!(f >= 0) || f > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("coordinate " + s + " is off screen");
    }
    return (int) f;
  }

  private static int keycode(String s) {
    String name = s.toUpperCase(Locale.ROOT);
    if (name.startsWith("KEYCODE_")) {
      name = name.substring(8);
    }
    Integer known = KEYCODES.get(name);
    if (known != null) {
      return known;
    }
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("unknown key code '" + s + "'; use a number or one of KEYCODE_" + KEYCODES.keySet());
    }
  }

  // Panel units to pixels, as the kernel's input mapping does for the profile's panel.
  private int pixelX(int px, int py) {
    DeviceProfile p = device.options().profile();
    Size s = device.options().size();
    return p.rotatedPanel() ? scale(py, panelMax(p, s.width()), s.width()) : scale(px, panelMax(p, s.width()), s.width());
  }

  private int pixelY(int px, int py) {
    DeviceProfile p = device.options().profile();
    Size s = device.options().size();
    return p.rotatedPanel() ? scale(panelMax(p, s.height()) - px, panelMax(p, s.height()), s.height())
        : scale(py, panelMax(p, s.height()), s.height());
  }

  private static int panelMax(DeviceProfile p, int pixels) {
    return p.panelMax() > 0 ? p.panelMax() : pixels - 1;
  }

  private static int scale(int v, int max, int pixels) {
    return max <= 0 ? 0 : (int) Math.round((double) v * (pixels - 1) / max);
  }

  /** {@code cat > /dev/input/event2}: feeds stdin to a multi-touch parser until end of input. */
  int touchStream(ShellIo io) throws IOException, InterruptedException {
    int density = device.options().density();
    int slop = Math.max(1, Math.round(8f * density / 160f)); // Android's touch slop is 8 dp
    MultiTouchParser parser = new MultiTouchParser(slop, device::now, new MultiTouchParser.Listener() {
      @Override
      public void tap(int x, int y) {
        device.deliverTap(pixelX(x, y), pixelY(x, y), TapLog.Source.RAW);
      }

      @Override
      public void swipe(int x1, int y1, int x2, int y2, long durationMillis) {
        device.deliverSwipe(pixelX(x1, y1), pixelY(x1, y1), pixelX(x2, y2), pixelY(x2, y2), durationMillis);
      }
    });
    Duration perWrite = device.latency().rawEventWrite();
    byte[] chunk;
    while ((chunk = io.readInput()) != null) {
      device.pause(perWrite); // before the acknowledgement (next read), as a write() to evdev costs
      parser.feed(chunk, 0, chunk.length);
    }
    return 0;
  }
}
