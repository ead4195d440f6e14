package dev.stormproof.app;

import dev.stormproof.device.DeviceProtocolException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One app's {@code dumpsys meminfo <package>}: the judged totals in bytes (below 0 where this
 * Android version does not print them), the PSS of every row of the table (the sections, to say
 * which one grew) and the object counts. Reads the shapes of Android 5 (table only), 6 to 9
 * (App Summary with {@code TOTAL:}) and 10 and later (App Summary with {@code TOTAL PSS:} and an
 * Rss column). Immutable.
 *
 * @param pid the process the dump is of
 * @param totalPss total PSS
 * @param nativeHeap native heap (App Summary; else the table's {@code Native Heap} PSS)
 * @param javaHeap Java heap (App Summary; else the table's {@code Dalvik Heap} PSS)
 * @param graphics graphics (App Summary; else {@code Gfx dev + EGL mtrack + GL mtrack} PSS)
 * @param sections PSS in bytes of each table row, in the dump's order ({@code TOTAL} excluded)
 * @param objects the Objects counts by their printed names ({@code Views}, {@code Activities},
 *     {@code Local Binders}, ...)
 */
public record MemInfo(int pid, long totalPss, long nativeHeap, long javaHeap, long graphics,
    Map<String, Long> sections, Map<String, Long> objects) {

  private static final Pattern HEADER = Pattern.compile("\\*\\* MEMINFO in pid (\\d+) \\[([^\\]]*)\\] \\*\\*");
  private static final Pattern PAIR = Pattern.compile("([A-Za-z][A-Za-z ._]*?):\\s+(\\d+)");
  /** No app holds a terabyte: a larger number is a garbled dump, not a value. */
  private static final long MAX_KB = 1L << 30;

  /**
   * Copies the maps.
   *
   * @param pid the process
   * @param totalPss total PSS in bytes
   * @param nativeHeap native heap in bytes
   * @param javaHeap Java heap in bytes
   * @param graphics graphics in bytes
   * @param sections PSS per table row in bytes
   * @param objects object counts
   */
  public MemInfo {
    sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    objects = Collections.unmodifiableMap(new LinkedHashMap<>(objects));
  }

  /**
   * An object count by any of its printed names, or -1 when the dump has none of them.
   *
   * @param names the names to add up, for example {@code Local Binders} and {@code Proxy Binders}
   * @return the sum of those present, -1 when none is
   */
  public long objects(String... names) {
    long sum = -1;
    for (String n : names) {
      Long v = objects.get(n);
      if (v != null) {
        sum = Math.max(sum, 0) + v;
      }
    }
    return sum;
  }

  /**
   * Parses the output of {@code dumpsys meminfo <package>}.
   *
   * @param text the command's output
   * @return the parsed dump
   * @throws DeviceProtocolException when there is no {@code ** MEMINFO in pid} header (an app
   *     that is not running prints {@code No process found for: ...}; check its pid first), or
   *     no total
   */
  public static MemInfo parse(String text) {
    Matcher h = HEADER.matcher(text);
    if (!h.find()) {
      throw new DeviceProtocolException("dumpsys meminfo printed no '** MEMINFO in pid N [package] **' header; it "
          + "began with: " + firstLine(text));
    }
    int pid = Numbers.pid(h.group(1), "dumpsys meminfo");
    Map<String, Long> sections = new LinkedHashMap<>();
    Map<String, Long> summary = new LinkedHashMap<>();
    Map<String, Long> objects = new LinkedHashMap<>();
    long tableTotal = -1;
    String part = "table";
    for (String raw : text.substring(h.end()).split("\n")) {
      String line = raw.strip();
      if (line.equals("App Summary")) {
        part = "summary";
      } else if (line.equals("Objects")) {
        part = "objects";
      } else if (line.equals("SQL") || line.startsWith("DATABASES")) {
        part = "rest";
      } else if (part.equals("table")) {
        String[] t = line.split("\\s+");
        int first = 0;
        while (first < t.length && !isNumber(t[first])) {
          first++;
        }
        if (first == 0 || first == t.length) {
          continue;
        }
        String name = String.join(" ", java.util.Arrays.copyOf(t, first));
        long kb = kb(t[first]);
        if (name.equals("TOTAL")) {
          tableTotal = kb;
        } else {
          sections.putIfAbsent(name, kb * 1024);
        }
      } else if (part.equals("summary") || part.equals("objects")) {
        Matcher m = PAIR.matcher(line);
        Map<String, Long> into = part.equals("summary") ? summary : objects;
        while (m.find()) {
          into.putIfAbsent(m.group(1).strip(), kb(m.group(2)));
        }
      }
    }
    long total = summary.containsKey("TOTAL PSS") ? summary.get("TOTAL PSS")
        : summary.containsKey("TOTAL") ? summary.get("TOTAL") : tableTotal;
    if (total < 0) {
      throw new DeviceProtocolException("dumpsys meminfo for pid " + pid + " printed no TOTAL "
          + "(neither a TOTAL row nor TOTAL PSS in the App Summary)");
    }
    long graphics = summary.containsKey("Graphics") ? summary.get("Graphics") * 1024
        : sum(sections, "Gfx dev", "EGL mtrack", "GL mtrack");
    return new MemInfo(pid, total * 1024,
        summary.containsKey("Native Heap") ? summary.get("Native Heap") * 1024
            : sections.getOrDefault("Native Heap", -1L),
        summary.containsKey("Java Heap") ? summary.get("Java Heap") * 1024
            : sections.getOrDefault("Dalvik Heap", -1L),
        graphics, sections, objects);
  }

  private static long sum(Map<String, Long> sections, String... names) {
    long s = -1;
    for (String n : names) {
      if (sections.containsKey(n)) {
        s = Math.max(s, 0) + sections.get(n);
      }
    }
    return s;
  }

  private static boolean isNumber(String s) {
    return !s.isEmpty() && s.length() <= 12 && s.chars().allMatch(Character::isDigit);
  }

  private static long kb(String digits) {
    long v = digits.length() > 12 ? Long.MAX_VALUE : Long.parseLong(digits);
    if (v > MAX_KB) {
      throw new DeviceProtocolException("dumpsys meminfo printed " + digits + " KB, more than any "
          + "app can hold; the output is garbled");
    }
    return v;
  }

  static String firstLine(String text) {
    String t = text.strip();
    int nl = t.indexOf('\n');
    String first = nl < 0 ? t : t.substring(0, nl);
    return "'" + (first.length() > 120 ? first.substring(0, 120) + "..." : first) + "'";
  }
}
