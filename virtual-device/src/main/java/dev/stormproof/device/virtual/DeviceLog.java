package dev.stormproof.device.virtual;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The virtual device's log buffer, served by {@code logcat} in Android's {@code threadtime}
 * format ({@code MM-DD HH:MM:SS.mmm  PID  TID L TAG: message}) with wall-clock times, so lines
 * line up with a test's failure time. Bounded: the oldest lines are dropped, as in a real ring
 * buffer. Thread-safe.
 */
public final class DeviceLog {

  static final int CAPACITY = 4000;
  static final int SYSTEM_PID = 1432;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private final ArrayDeque<String> lines = new ArrayDeque<>();
  private int nextPid = 4200;
  private int appPid;

  /**
   * Appends one line.
   *
   * @param pid process id
   * @param level V, D, I, W, E or F
   * @param tag the log tag
   * @param message the text
   */
  public synchronized void add(int pid, char level, String tag, String message) {
    String time = TIME.format(Instant.now());
    for (String part : message.split("\n", -1)) {
      lines.addLast(String.format(Locale.ROOT, "%s %5d %5d %c %-8s: %s", time, pid, pid, level, tag, part));
      if (lines.size() > CAPACITY) {
        lines.removeFirst();
      }
    }
  }

  /**
   * A new process for the app, logged as ActivityManager does; returns its pid: {@code pid} when
   * the app models its process (so logcat and {@code pidof} agree), else a new one.
   */
  synchronized int appStarted(String packageName, String component, int pid) {
    appPid = pid > 0 ? pid : nextPid++;
    add(SYSTEM_PID, 'I', "ActivityManager", "Start proc " + appPid + ":" + packageName + "/u0a142 for top-activity {" + component + "}");
    return appPid;
  }

  /** The app's process ended. */
  synchronized void appStopped(String packageName, String why) {
    if (appPid != 0) {
      add(SYSTEM_PID, 'I', "ActivityManager", "Process " + packageName + " (pid " + appPid + ") has died: " + why);
      appPid = 0;
    }
  }

  /** The running app's pid, or 0. */
  synchronized int appPid() {
    return appPid;
  }

  /** A line of the running app (dropped when it is not running). */
  synchronized void app(char level, String tag, String message) {
    if (appPid != 0) {
      add(appPid, level, tag, message);
    }
  }

  /** {@code logcat [-d] [-v threadtime] [-t N] [-c]}: what clients of a real device use. */
  int logcat(List<String> args, ShellIo io) throws IOException {
    int tail = Integer.MAX_VALUE;
    boolean dump = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("-d")) {
        dump = true;
      } else if (a.equals("-c")) {
        synchronized (this) {
          lines.clear();
        }
        return 0;
      } else if (a.equals("-v") && i + 1 < args.size() && args.get(i + 1).equals("threadtime")) {
        i++;
      } else if (a.equals("-t") && i + 1 < args.size() && args.get(i + 1).matches("\\d{1,6}")) {
        tail = Integer.parseInt(args.get(++i));
      } else {
        io.err("logcat: '" + a + "' is not supported on the virtual device; use logcat -d [-v threadtime] [-t N] or logcat -c\n");
        return 1;
      }
    }
    if (!dump) {
      io.err("logcat: only dumps (-d) are supported on the virtual device: a streaming logcat would never end\n");
      return 1;
    }
    List<String> copy;
    synchronized (this) {
      copy = new ArrayList<>(lines);
    }
    StringBuilder out = new StringBuilder("--------- beginning of main\n");
    for (String line : copy.subList(Math.max(0, copy.size() - tail), copy.size())) {
      out.append(line).append('\n');
    }
    io.out(out.toString());
    return 0;
  }
}
