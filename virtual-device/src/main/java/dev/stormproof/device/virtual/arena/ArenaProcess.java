package dev.stormproof.device.virtual.arena;

import dev.stormproof.device.virtual.AppProcess;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Arena's process: pid, memory, threads and frames driven by the game's state, and the debug
 * switches ({@code setprop debug.arena.*}) that plant faults. Every access holds the
 * {@link ArenaGame}'s lock.
 *
 * <p>Switches (read when a battle starts; a force-stop or crash ends the process and its leaks,
 * the switches stay set like system properties do):
 * <ul>
 *   <li>{@code debug.arena.leak KIB}: each battle leaks that much native heap</li>
 *   <li>{@code debug.arena.threads N}: each battle starts N threads that never end</li>
 *   <li>{@code debug.arena.jank N}: from the N-th battle of the process on, 45% of frames are
 *       janky</li>
 *   <li>{@code debug.arena.crash N}: the N-th battle of the process crashes the app (a Java
 *       crash in the crash log, the process ends, the launcher shows)</li>
 *   <li>{@code debug.arena.anr N}: the N-th battle hangs the main thread: the app stops
 *       responding (taps are ignored, the activity manager reports the ANR)</li>
 * </ul>
 * 0 or an absent property turns a switch off; a value that is not a whole number is ignored.
 */
final class ArenaProcess {

  static final String PREFIX = "debug.arena.";
  private static final DateTimeFormatter LOG_TIME =
      DateTimeFormatter.ofPattern("MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  private static final List<Integer> SMOOTH = List.of(8, 12, 14, 21);
  private static final List<Integer> JANKY = List.of(19, 52, 68, 117);

  private int nextPid;
  int pid;
  private int battles;
  private long leakedKb;
  private int leakedThreads;
  private boolean janky;
  private String anr;
  private long framesSince;
  private long reads;
  private long leakKb;
  private int threadsPerBattle;
  private int jankFrom;
  private int crashAt;
  private int anrAt;
  private final List<String> crashLog = new ArrayList<>();

  ArenaProcess(long seed) {
    nextPid = 3000 + (int) Math.floorMod(seed * 31, 4000);
  }

  boolean running() {
    return pid > 0;
  }

  boolean notResponding() {
    return anr != null;
  }

  /** {@code am start}: a process is created if there is none (a running one is reused). */
  void start(long now) {
    if (pid == 0) {
      pid = nextPid++;
      battles = 0;
      leakedKb = 0;
      leakedThreads = 0;
      janky = false;
      anr = null;
      framesSince = now;
    }
  }

  /** {@code am force-stop}, or a crash: the process and what it leaked are gone. */
  void kill() {
    pid = 0;
  }

  void property(String key, String value) {
    long v;
    try {
      v = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return; // like SystemProperties.getInt: an unreadable value is the default
    }
    switch (key.substring(PREFIX.length())) {
      case "leak" -> leakKb = v;
      case "threads" -> threadsPerBattle = (int) v;
      case "jank" -> jankFrom = (int) v;
      case "crash" -> crashAt = (int) v;
      case "anr" -> anrAt = (int) v;
      default -> { }
    }
  }

  /** A battle begins; returns false when it crashed the process. */
  boolean battle(long now) {
    battles++;
    leakedKb += Math.max(0, leakKb);
    leakedThreads += Math.max(0, threadsPerBattle);
    janky |= jankFrom > 0 && battles >= jankFrom;
    if (anrAt > 0 && battles == anrAt) {
      anr = "Input dispatching timed out (" + ArenaGame.COMPONENT + " is not responding. "
          + "Waited 5001ms for MotionEvent)";
    }
    if (crashAt > 0 && battles == crashAt) {
      crash(now);
      return false;
    }
    return true;
  }

  private void crash(long now) {
    String prefix = LOG_TIME.format(Instant.ofEpochMilli(now)) + String.format("  %d  %d E AndroidRuntime: ", pid, pid);
    for (String line : List.of("FATAL EXCEPTION: main",
        "Process: " + ArenaGame.PACKAGE + ", PID: " + pid,
        "java.lang.IllegalStateException: planted crash (debug.arena.crash=" + crashAt
            + "): battle " + battles + " could not load its enemy sprite",
        "\tat dev.stormproof.arena.BattleLoader.load(BattleLoader.java:88)",
        "\tat dev.stormproof.arena.MainActivity.onBattle(MainActivity.java:214)",
        "\tat android.os.Handler.handleCallback(Handler.java:958)",
        "\tat android.os.Looper.loop(Looper.java:294)")) {
      crashLog.add(prefix + line);
    }
    kill();
  }

  List<String> crashLog() {
    return List.copyOf(crashLog);
  }

  void resetFrames(long now) {
    framesSince = now;
  }

  /** The process as dumpsys shows it; memory follows the screen, plus leaks and a little noise. */
  AppProcess snapshot(ArenaScreen screen, int elements, long now) {
    long noise = (++reads * 2654435761L >>> 8) & 0xff; // deterministic jitter of up to 255 KiB
    long nativeKb = 21_504 + leakedKb + noise + switch (screen) {
      case BATTLE -> 6_144;
      case SHOP -> 2_048;
      case LOBBY, REWARD -> 1_024;
      default -> 0;
    };
    long graphicsKb = 16_384 + (screen == ArenaScreen.BATTLE ? 8_192 : 0);
    long frames = Math.max(0, now - framesSince) * 60 / 1000;
    long jankyFrames = frames * (janky ? 45 : 2) / 100;
    return new AppProcess(pid, ArenaGame.PACKAGE, nativeKb, 8_192 + elements * 24L + noise / 2,
        graphicsKb, 28 + leakedThreads, 72, 12 + elements * 2, frames, jankyFrames,
        janky ? JANKY : SMOOTH, anr);
  }
}
