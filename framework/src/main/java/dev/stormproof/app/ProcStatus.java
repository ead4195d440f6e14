package dev.stormproof.app;

import dev.stormproof.device.DeviceProtocolException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of {@code /proc/<pid>/status} the guard reads. The file's shape has been the same
 * {@code Key:\tvalue} lines since Linux 2.6; Android kernels add or drop lines around them.
 * Immutable.
 *
 * @param name {@code Name}: the main thread's name (at most 15 characters)
 * @param pid {@code Pid}
 * @param threads {@code Threads}: threads in the process
 * @param vmRssBytes {@code VmRSS} in bytes, -1 when absent (a zombie has none)
 */
public record ProcStatus(String name, int pid, long threads, long vmRssBytes) {

  private static final Pattern FIELD = Pattern.compile("^(Name|Pid|Threads|VmRSS):[ \\t]*([^\\n]*)$",
      Pattern.MULTILINE);

  /**
   * Parses the text of {@code cat /proc/<pid>/status}.
   *
   * @param text the file's text
   * @return the fields
   * @throws DeviceProtocolException when {@code Pid} or {@code Threads} is missing or not a number
   */
  public static ProcStatus parse(String text) {
    String name = "";
    String pid = null;
    String threads = null;
    long rss = -1;
    Matcher m = FIELD.matcher(text);
    while (m.find()) {
      String v = m.group(2).strip();
      switch (m.group(1)) {
        case "Name" -> name = v;
        case "Pid" -> pid = v;
        case "Threads" -> threads = v;
        default -> rss = Numbers.count(v.replaceAll("\\s*kB$", ""), "/proc/<pid>/status",
            "VmRSS") * 1024;
      }
    }
    if (pid == null || threads == null) {
      throw new DeviceProtocolException("/proc/<pid>/status has no " + (pid == null ? "Pid" : "Threads")
          + " line; it began with: " + MemInfo.firstLine(text));
    }
    return new ProcStatus(name, Numbers.pid(pid, "/proc/<pid>/status"),
        Numbers.count(threads, "/proc/<pid>/status", "Threads"), rss);
  }

  /**
   * Counts the entries {@code ls /proc/<pid>/fd} printed (one file descriptor number a line).
   *
   * @param text the output of {@code ls}
   * @return how many descriptors are open
   * @throws DeviceProtocolException when a line is not a descriptor number
   */
  public static int countFds(String text) {
    int n = 0;
    for (String line : text.split("\\s+")) {
      if (line.isEmpty()) {
        continue;
      }
      if (!line.chars().allMatch(Character::isDigit) || line.length() > 9) {
        throw new DeviceProtocolException("ls /proc/<pid>/fd printed '" + line + "' where a file "
            + "descriptor number belongs");
      }
      n++;
    }
    return n;
  }
}
