package dev.stormproof.device.adb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A multi-touch (protocol B) touchscreen found in {@code getevent -p} output: its device node and
 * the ranges of its X/Y axes, which may differ from the screen's pixel size.
 */
record TouchScreen(String path, String name, int minX, int maxX, int minY, int maxY, int maxSlot) {

  static final int ABS_MT_SLOT = 0x2f;
  static final int ABS_MT_POSITION_X = 0x35;
  static final int ABS_MT_POSITION_Y = 0x36;
  static final int ABS_MT_TRACKING_ID = 0x39;

  private static final Pattern DEVICE = Pattern.compile("^add device \\d+: (\\S+)\\s*$");
  private static final Pattern NAME = Pattern.compile("^\\s*name:\\s*\"(.*)\"\\s*$");
  private static final Pattern AXIS = Pattern.compile(
      "^\\s*(?:ABS \\(0003\\):\\s*)?([0-9a-f]{4})\\s*:\\s*value -?\\d+, min (-?\\d+), max (-?\\d+).*$");
  private static final Pattern SECTION = Pattern.compile("^\\s*[A-Z]+ \\([0-9a-f]{4}\\):.*$");

  /**
   * The first device in {@code output} with slot, tracking id and X/Y position axes; devices that
   * lack any of them (keys, sensors, single-touch pads) are skipped.
   */
  static Optional<TouchScreen> parse(String output) {
    List<Map<Integer, int[]>> axesPerDevice = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Map<Integer, int[]> axes = null;
    boolean inAbs = false;
    for (String line : output.split("\\R")) {
      Matcher m = DEVICE.matcher(line);
      if (m.matches()) {
        axes = new HashMap<>();
        axesPerDevice.add(axes);
        paths.add(m.group(1));
        names.add("");
        inAbs = false;
        continue;
      }
      if (axes == null) {
        continue;
      }
      Matcher n = NAME.matcher(line);
      if (n.matches()) {
        names.set(names.size() - 1, n.group(1));
        continue;
      }
      if (line.contains("ABS (0003):")) {
        inAbs = true;
      } else if (SECTION.matcher(line).matches() || line.trim().startsWith("input props:")) {
        inAbs = false;
      }
      if (inAbs) {
        Matcher a = AXIS.matcher(line);
        if (a.matches() && fitsInt(a.group(2)) && fitsInt(a.group(3))) {
          axes.put(Integer.parseInt(a.group(1), 16), new int[] {Integer.parseInt(a.group(2)), Integer.parseInt(a.group(3))});
        }
      }
    }
    for (int i = 0; i < axesPerDevice.size(); i++) {
      Map<Integer, int[]> ax = axesPerDevice.get(i);
      if (ax.containsKey(ABS_MT_SLOT) && ax.containsKey(ABS_MT_TRACKING_ID)
          && ax.containsKey(ABS_MT_POSITION_X) && ax.containsKey(ABS_MT_POSITION_Y)) {
        int[] x = ax.get(ABS_MT_POSITION_X);
        int[] y = ax.get(ABS_MT_POSITION_Y);
        return Optional.of(new TouchScreen(paths.get(i), names.get(i), x[0], x[1], y[0], y[1], ax.get(ABS_MT_SLOT)[1]));
      }
    }
    return Optional.empty();
  }

  // A range beyond int is no real panel: skip the axis (the device then falls back to input tap).
  private static boolean fitsInt(String digits) {
    try {
      Integer.parseInt(digits);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Screen pixel to panel units, per axis: the panel range maps onto the pixel range. */
  int panelX(int x, int screenWidth) {
    return scale(x, screenWidth, minX, maxX);
  }

  int panelY(int y, int screenHeight) {
    return scale(y, screenHeight, minY, maxY);
  }

  private static int scale(int pixel, int pixels, int min, int max) {
    if (pixels <= 1) {
      return min;
    }
    return (int) Math.round(min + (double) pixel * (max - min) / (pixels - 1));
  }

  /** Whether the panel's natural orientation matches the screen's current one (else rotation is in play). */
  boolean sameOrientationAs(int screenWidth, int screenHeight) {
    if (maxX - minX == maxY - minY) {
      return true; // a square range (0-4095 on both axes) is scaled per axis and says nothing of rotation
    }
    return (maxX - minX >= maxY - minY) == (screenWidth >= screenHeight);
  }
}
