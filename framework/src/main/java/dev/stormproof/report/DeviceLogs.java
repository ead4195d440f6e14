package dev.stormproof.report;

import dev.stormproof.device.Device;
import dev.stormproof.device.ShellResult;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The device log around a failure: {@code logcat -d -v threadtime}, the last lines, kept to the
 * app's processes (found with {@code pidof} and in ActivityManager's "Start proc" lines, so a
 * crashed process is still found) and to lines that name the app (its death, its crash).
 */
public final class DeviceLogs {

  /** How many lines of the log are read: the seconds before a failure, not the whole buffer. */
  public static final int TAIL = 800;

  private static final Pattern THREADTIME = Pattern.compile("^\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\s+(\\d+)\\s+\\d+ [VDIWEF] .*");

  private DeviceLogs() {}

  /**
   * The app's lines of the device log.
   *
   * @param device the device (its shell is used; the calls are not report steps)
   * @param packageName the app's package
   * @return the filtered lines, or a one-line note saying why there are none
   */
  public static String appLog(Device device, String packageName) {
    ShellResult log = device.shell("logcat -d -v threadtime -t " + TAIL);
    if (log.exitCode() != 0) {
      return "logcat failed (exit " + log.exitCode() + "): " + log.stderr().trim() + "\n";
    }
    Set<String> pids = new HashSet<>();
    ShellResult pidof = device.shell("pidof " + packageName);
    if (pidof.exitCode() == 0) {
      for (String p : pidof.stdout().trim().split("\\s+")) {
        pids.add(p);
      }
    }
    Pattern start = Pattern.compile("Start proc (\\d+):" + Pattern.quote(packageName) + "\\b");
    String[] lines = log.stdout().split("\n");
    for (String line : lines) {
      Matcher m = start.matcher(line);
      if (m.find()) {
        pids.add(m.group(1));
      }
    }
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      Matcher m = THREADTIME.matcher(line);
      if (m.matches() && (pids.contains(m.group(1)) || line.contains(packageName))) {
        out.append(line).append('\n');
      }
    }
    return out.length() == 0 ? "no line of " + packageName + " in the last " + TAIL + " lines of logcat\n" : out.toString();
  }

  /**
   * The app's {@code versionName} from {@code dumpsys package}.
   *
   * @param device the device
   * @param packageName the app's package
   * @return the version, or {@code unknown}
   */
  public static String appVersion(Device device, String packageName) {
    ShellResult r = device.shell("dumpsys package " + packageName);
    Matcher m = Pattern.compile("versionName=(\\S+)").matcher(r.stdout());
    return r.exitCode() == 0 && m.find() ? m.group(1) : "unknown";
  }
}
