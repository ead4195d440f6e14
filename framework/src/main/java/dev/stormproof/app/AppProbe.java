package dev.stormproof.app;

import dev.stormproof.device.Device;
import dev.stormproof.device.DeviceProtocolException;
import dev.stormproof.device.ShellResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads one {@link AppSnapshot} of an app through {@link Device#shell}: its pid ({@code pidof}),
 * {@code /proc/<pid>/status}, {@code ls /proc/<pid>/fd}, {@code dumpsys meminfo}, and at
 * iteration boundaries also {@code dumpsys gfxinfo <package> reset}, {@code dumpsys activity
 * processes <package>} and the crash log buffer ({@code logcat -b crash -d}).
 *
 * <p>Cost: every read is joined into one shell command line with marker lines between the
 * parts, so a reading is one adb round trip while the pid stays the same, two when the process
 * is new (the {@code /proc} paths need the pid). On a phone {@code dumpsys meminfo} alone takes
 * hundreds of milliseconds: call this at iteration boundaries only, never inside the test.
 *
 * <p>Needs {@code pidof} (toybox, Android 6+). {@code /proc/<pid>/fd} is readable by root or, for
 * a debuggable app, after {@code run-as}; elsewhere the count is -1 and the snapshot says why.
 * Not thread-safe: one probe per guarded sequence.
 */
public final class AppProbe {

  private static final Pattern PACKAGE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)+");
  private static final String MARK = "@@stormproof-";

  private final Device device;
  private final String packageName;
  private int knownPid;

  /**
   * A probe of one app.
   *
   * @param device the device the app runs on
   * @param packageName the app's package, for example {@code dev.stormproof.arena}
   * @throws IllegalArgumentException when {@code packageName} is not a Java-style package name
   */
  public AppProbe(Device device, String packageName) {
    checkPackage(packageName, "AppProbe package");
    this.device = device;
    this.packageName = packageName;
  }

  /**
   * Checks a package name before it reaches a shell command line.
   *
   * @param packageName the name to check
   * @param what what the name is, for the message (a configuration key, an attribute)
   * @throws IllegalArgumentException naming {@code what}, the value and the fix
   */
  public static void checkPackage(String packageName, String what) {
    if (packageName == null || !PACKAGE.matcher(packageName).matches()) {
      throw new IllegalArgumentException(what + " must be an Android package name like "
          + "com.example.game, was '" + packageName + "'; set it to the applicationId of the app "
          + "under test");
    }
  }

  /**
   * The package this probe reads.
   *
   * @return the package name
   */
  public String packageName() {
    return packageName;
  }

  /**
   * Reads the app now.
   *
   * @param boundary true at an iteration boundary: also reads (and resets) frame statistics,
   *     ANRs and the crash log; false for a re-read of memory, threads and descriptors while
   *     settling
   * @return the snapshot
   * @throws DeviceProtocolException when the device printed something the parsers cannot read
   * @throws dev.stormproof.device.DeviceException when the device fails (lost, timed out)
   */
  public AppSnapshot sample(boolean boundary) {
    long start = System.nanoTime();
    List<String> notes = new ArrayList<>();
    String tail = boundary ? mark("gfx") + "dumpsys gfxinfo " + packageName + " reset; "
        + mark("activity") + "dumpsys activity processes " + packageName + "; "
        + mark("crash") + "logcat -b crash -d" : "";
    int trips = 1;
    int guess = knownPid;
    ShellResult r = device.shell("pidof " + packageName + "; " + procReads(guess) + mark("meminfo")
        + "dumpsys meminfo " + packageName + (tail.isEmpty() ? "" : "; " + tail));
    Map<String, String> parts = split(r.stdout());
    int pid = pid(parts.getOrDefault("pidof", ""));
    if (pid > 0 && pid != guess) {
      r = device.shell(procReads(pid) + "true");
      parts.keySet().removeAll(List.of("status", "fd", "fd-ok"));
      parts.putAll(split(r.stdout()));
      trips++;
    }
    knownPid = pid;
    if (pid == 0 && r.stderr().contains("pidof")) {
      notes.add("pidof failed (" + r.stderr().strip() + "); the app guard needs Android 6 or later");
    }
    Optional<MemInfo> mem = Optional.empty();
    Optional<ProcStatus> status = Optional.empty();
    Optional<GfxInfo> frames = Optional.empty();
    long fds = -1;
    if (pid > 0) {
      mem = readPart(parts, "meminfo", MemInfo::parse, pid, notes);
      status = readPart(parts, "status", ProcStatus::parse, pid, notes);
      if (parts.containsKey("fd-ok")) {
        fds = ProcStatus.countFds(parts.getOrDefault("fd", ""));
      } else {
        notes.add("open fds unknown: ls /proc/" + pid + "/fd failed (" + r.stderr().strip()
            + "); it needs root, or a debuggable app");
      }
      if (boundary) {
        frames = readPart(parts, "gfx", GfxInfo::parse, pid, notes);
      }
    }
    List<Crash> crashes = new ArrayList<>();
    if (boundary) {
      crashes.addAll(Crash.parseCrashLog(parts.getOrDefault("crash", "")));
      crashes.addAll(Crash.parseAnrs(parts.getOrDefault("activity", "")));
    }
    return new AppSnapshot(packageName, pid, mem, status, fds, frames, crashes, notes, trips,
        System.nanoTime() - start);
  }

  private static String procReads(int pid) {
    return pid <= 0 ? "" : mark("status") + "cat /proc/" + pid + "/status; " + mark("fd")
        + "ls /proc/" + pid + "/fd && echo " + MARK + "fd-ok; ";
  }

  private static String mark(String part) {
    return "echo " + MARK + part + "; ";
  }

  /** A part whose pid differs from the app's (the process changed in between) is left out. */
  private static <T> Optional<T> readPart(Map<String, String> parts, String part,
      java.util.function.Function<String, T> parser, int pid, List<String> notes) {
    String text = parts.getOrDefault(part, "");
    if (text.contains("No process found for") || text.isBlank()) {
      notes.add(part + " unavailable: the app (pid " + pid + ") printed nothing for it");
      return Optional.empty();
    }
    T value = parser.apply(text);
    int of = value instanceof MemInfo m ? m.pid() : value instanceof GfxInfo g ? g.pid()
        : value instanceof ProcStatus s ? s.pid() : pid;
    if (of != pid) {
      notes.add(part + " was of pid " + of + ", not the app's pid " + pid + " (it restarted)");
      return Optional.empty();
    }
    return Optional.of(value);
  }

  private static int pid(String pidof) {
    String t = pidof.strip();
    if (t.isEmpty()) {
      return 0;
    }
    return Numbers.pid(t.split("\\s+")[0], "pidof");
  }

  private static Map<String, String> split(String stdout) {
    Map<String, String> parts = new HashMap<>();
    String current = "pidof";
    StringBuilder text = new StringBuilder();
    for (String line : stdout.split("\n", -1)) {
      if (line.startsWith(MARK)) {
        parts.put(current, text.toString());
        current = line.substring(MARK.length()).strip();
        text.setLength(0);
      } else {
        text.append(line).append('\n');
      }
    }
    parts.put(current, text.toString());
    return parts;
  }
}
