package dev.stormproof.app;

import java.util.List;
import java.util.Optional;

/**
 * What the guard read about the app at one iteration boundary. Immutable.
 *
 * @param packageName the app's package
 * @param pid the app's pid, 0 when it was not running
 * @param memInfo {@code dumpsys meminfo}, empty when not running
 * @param status {@code /proc/<pid>/status}, empty when not running
 * @param fds open file descriptors, -1 when unreadable (see {@code notes})
 * @param frames {@code dumpsys gfxinfo} since the previous boundary, empty when not read
 * @param crashes every crash in the crash log buffer and every ANR the activity manager reports
 *     (of any process: the session picks the app's new ones)
 * @param notes why a value is missing (for example {@code ls /proc/123/fd: Permission denied})
 * @param roundTrips adb shell commands this reading took
 * @param nanos how long it took
 */
public record AppSnapshot(String packageName, int pid, Optional<MemInfo> memInfo,
    Optional<ProcStatus> status, long fds, Optional<GfxInfo> frames, List<Crash> crashes,
    List<String> notes, int roundTrips, long nanos) {

  /**
   * Copies the lists.
   *
   * @param packageName the package
   * @param pid the pid or 0
   * @param memInfo meminfo
   * @param status /proc status
   * @param fds descriptor count or -1
   * @param frames frame statistics
   * @param crashes crashes and ANRs
   * @param notes notes
   * @param roundTrips shell commands
   * @param nanos duration
   */
  public AppSnapshot {
    crashes = List.copyOf(crashes);
    notes = List.copyOf(notes);
  }

  /**
   * Whether the app had a process.
   *
   * @return true when {@code pidof} found it
   */
  public boolean running() {
    return pid > 0;
  }

  /**
   * The value of a judged counter, -1 when unavailable.
   *
   * @param counter which one
   * @return bytes for memory counters, a count otherwise
   */
  public long value(AppCounter counter) {
    return switch (counter) {
      case TOTAL_PSS -> memInfo.map(MemInfo::totalPss).orElse(-1L);
      case NATIVE_HEAP -> memInfo.map(MemInfo::nativeHeap).orElse(-1L);
      case JAVA_HEAP -> memInfo.map(MemInfo::javaHeap).orElse(-1L);
      case GRAPHICS -> memInfo.map(MemInfo::graphics).orElse(-1L);
      case VIEWS -> memInfo.map(m -> m.objects("Views")).orElse(-1L);
      case ACTIVITIES -> memInfo.map(m -> m.objects("Activities")).orElse(-1L);
      case BINDERS -> memInfo.map(m -> m.objects("Local Binders", "Proxy Binders")).orElse(-1L);
      case THREADS -> status.map(ProcStatus::threads).orElse(-1L);
      case FDS -> fds;
      case JANK_PERCENT -> frames.map(GfxInfo::jankPercent).orElse(-1L);
      case FRAME_P90_MS -> frames.map(GfxInfo::p90Ms).orElse(-1L);
    };
  }
}
