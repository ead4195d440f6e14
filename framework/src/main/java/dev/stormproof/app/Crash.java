package dev.stormproof.app;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A crash the device recorded, or an ANR it reports: what the guard fails an iteration with.
 * Parsed from the crash log buffer ({@code logcat -b crash -d}, threadtime format, Android 5+)
 * and from {@code dumpsys activity processes <package>} (a process record flagged not
 * responding). Immutable.
 *
 * @param kind {@code crash}, {@code native crash} or {@code ANR}
 * @param key what identifies this event across readings (its first log line, or the process)
 * @param pid the process that crashed, 0 when unknown
 * @param process the process name the log names ({@code Process:} line, {@code >>> name <<<},
 *     or the record's name), empty when unknown
 * @param text the lines of the event as the device printed them
 */
public record Crash(String kind, String key, int pid, String process, String text) {

  /** {@code MM-DD HH:MM:SS.mmm  PID  TID L TAG: message} (logcat's threadtime format). */
  private static final Pattern LOG = Pattern.compile(
      "^(\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3})\\s+(\\d+)\\s+(\\d+)\\s+([VDIWEFA])\\s+([^:]*?)\\s*: ?(.*)$");
  private static final Pattern JAVA_PROCESS = Pattern.compile("^Process: ([^,\\s]+), PID: (\\d+)");
  private static final Pattern NATIVE_NAME = Pattern.compile(">>> (\\S+) <<<|, pid \\d+ \\(([^)]+)\\)");
  private static final Pattern RECORD = Pattern.compile("ProcessRecord\\{\\S+ (\\d+):([^/\\s}]+)");
  private static final Pattern NOT_RESPONDING = Pattern.compile("\\b(m?[Nn]otResponding)=true\\b");
  private static final int MAX_LINES = 60;

  /**
   * Whether this event is of {@code packageName}'s process.
   *
   * @param packageName the app's package
   * @param pid the app's pid as the guard knew it, 0 when unknown
   * @return true when the process name is the package (or its 15-character tail, as the kernel
   *     truncates it) or the pid matches
   */
  public boolean of(String packageName, int pid) {
    if (!process.isEmpty()) {
      return process.equals(packageName)
          || (packageName.length() > 15 && process.equals(packageName.substring(packageName.length() - 15)));
    }
    return pid > 0 && this.pid == pid;
  }

  /**
   * The crashes in the crash log buffer: Java ({@code FATAL EXCEPTION}) and native
   * ({@code Fatal signal}, tombstone lines), each with the lines its process logged after it.
   * Lines that are not in threadtime format (the {@code --------- beginning of crash} banner,
   * garbage) are skipped.
   *
   * @param text the output of {@code logcat -b crash -d}
   * @return the crashes, oldest first
   */
  public static List<Crash> parseCrashLog(String text) {
    List<Crash> out = new ArrayList<>();
    String kind = null;
    String key = null;
    int pid = 0;
    String process = "";
    StringBuilder lines = new StringBuilder();
    int count = 0;
    for (String raw : text.split("\n")) {
      Matcher m = LOG.matcher(raw.stripTrailing());
      if (!m.matches()) {
        continue;
      }
      String message = m.group(6);
      int linePid = parseInt(m.group(2));
      boolean javaStart = message.startsWith("FATAL EXCEPTION");
      boolean nativeStart = message.startsWith("Fatal signal") || message.startsWith("*** *** ***");
      // The tombstone lines come from crash_dump (another pid) under the DEBUG tag.
      boolean continues = kind != null && (linePid == pid
          || (kind.equals("native crash") && m.group(5).equals("DEBUG")));
      if (javaStart || (nativeStart && !continues)) {
        if (kind != null) {
          out.add(new Crash(kind, key, pid, process, lines.toString()));
        }
        kind = javaStart ? "crash" : "native crash";
        key = m.group(1) + " " + m.group(2) + " " + message;
        pid = linePid;
        process = "";
        lines.setLength(0);
        count = 0;
      } else if (!continues) {
        continue;
      }
      Matcher p = JAVA_PROCESS.matcher(message);
      Matcher n = NATIVE_NAME.matcher(message);
      if (p.find()) {
        process = p.group(1);
      } else if (n.find() && (process.isEmpty() || n.group(1) != null)) {
        process = n.group(1) != null ? n.group(1) : n.group(2);
      }
      if (count++ < MAX_LINES) {
        lines.append(raw.stripTrailing()).append('\n');
      }
    }
    if (kind != null) {
      out.add(new Crash(kind, key, pid, process, lines.toString()));
    }
    return out;
  }

  /**
   * The not-responding processes in {@code dumpsys activity processes <package>}: each process
   * record ({@code ProcessRecord{... PID:NAME/uid}}) whose lines flag {@code notResponding=true}
   * (Android 11 and earlier) or {@code mNotResponding=true} (Android 12+), with the record's
   * lines as text.
   *
   * @param text the command's output
   * @return the ANRs, one per flagged process
   */
  public static List<Crash> parseAnrs(String text) {
    List<Crash> out = new ArrayList<>();
    List<String> block = new ArrayList<>();
    int pid = 0;
    String process = "";
    boolean flagged = false;
    for (String raw : (text + "\nProcessRecord{end 0:end}").split("\n")) {
      Matcher r = RECORD.matcher(raw);
      if (r.find()) {
        if (flagged) {
          out.add(new Crash("ANR", "ANR " + pid + ":" + process, pid, process,
              String.join("\n", block) + "\n"));
        }
        block.clear();
        pid = parseInt(r.group(1));
        process = r.group(2);
        flagged = false;
      }
      if (block.size() < MAX_LINES) {
        block.add(raw.stripTrailing());
      }
      flagged |= NOT_RESPONDING.matcher(raw).find();
    }
    return out;
  }

  private static int parseInt(String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      return 0; // a pid too long for an int is garbage; 0 reads as "unknown"
    }
  }
}
