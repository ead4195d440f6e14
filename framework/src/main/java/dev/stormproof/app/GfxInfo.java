package dev.stormproof.app;

import dev.stormproof.device.DeviceProtocolException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Frame statistics from {@code dumpsys gfxinfo <package>} (Android 6 and later print them; on
 * Android 5 every value is -1). The counters run since the last {@code reset}, so the guard
 * reads them with {@code reset} at every iteration boundary and they cover one iteration.
 * Immutable.
 *
 * @param pid the process the statistics are of
 * @param totalFrames {@code Total frames rendered}
 * @param jankyFrames {@code Janky frames} (not the {@code (legacy)} line of Android 12+)
 * @param p50Ms 50th percentile frame time in ms (-1 before Android 7)
 * @param p90Ms 90th percentile frame time in ms
 * @param p95Ms 95th percentile frame time in ms
 * @param p99Ms 99th percentile frame time in ms
 */
public record GfxInfo(int pid, long totalFrames, long jankyFrames, long p50Ms, long p90Ms,
    long p95Ms, long p99Ms) {

  private static final Pattern HEADER = Pattern.compile("\\*\\* Graphics info for pid (\\d+) \\[([^\\]]*)\\] \\*\\*");
  private static final Pattern LINE = Pattern.compile(
      "^\\s*(Total frames rendered|Janky frames|50th percentile|90th percentile|95th percentile|99th percentile):\\s*(\\d+)",
      Pattern.MULTILINE);

  /**
   * Janky frames as a whole percentage of all frames (rounded down), or -1 without frames.
   *
   * @return 0 to 100, or -1
   */
  public long jankPercent() {
    return totalFrames <= 0 || jankyFrames < 0 ? -1 : Math.min(100, jankyFrames * 100 / totalFrames);
  }

  /**
   * Parses the output of {@code dumpsys gfxinfo <package> [reset]}.
   *
   * @param text the command's output
   * @return the statistics, -1 for values this Android version does not print
   * @throws DeviceProtocolException when there is no {@code ** Graphics info for pid} header
   *     (the app is not running), or a value is not a number
   */
  public static GfxInfo parse(String text) {
    Matcher h = HEADER.matcher(text);
    if (!h.find()) {
      throw new DeviceProtocolException("dumpsys gfxinfo printed no '** Graphics info for pid N [package] **' "
          + "header; it began with: " + MemInfo.firstLine(text));
    }
    int pid = Numbers.pid(h.group(1), "dumpsys gfxinfo");
    long[] v = {-1, -1, -1, -1, -1, -1};
    String[] names = {"Total frames rendered", "Janky frames", "50th percentile",
        "90th percentile", "95th percentile", "99th percentile"};
    Matcher m = LINE.matcher(text);
    m.region(h.end(), text.length());
    while (m.find()) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(m.group(1)) && v[i] < 0) {
          v[i] = Numbers.count(m.group(2), "dumpsys gfxinfo", m.group(1));
        }
      }
    }
    if (v[1] > v[0] && v[0] >= 0) {
      throw new DeviceProtocolException("dumpsys gfxinfo for pid " + pid + " printed " + v[1]
          + " janky frames of " + v[0] + " in all; the output is garbled");
    }
    return new GfxInfo(pid, v[0], v[1], v[2], v[3], v[4], v[5]);
  }
}
