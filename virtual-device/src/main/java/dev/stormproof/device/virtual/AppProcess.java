package dev.stormproof.device.virtual;

import java.util.List;

/**
 * What a running {@link VirtualApp}'s process looks like to {@code dumpsys meminfo},
 * {@code dumpsys gfxinfo}, {@code dumpsys activity processes} and {@code /proc/<pid>}: the
 * device prints these values in the formats of Android 14. Immutable.
 *
 * @param pid the process id
 * @param packageName the process name (the package)
 * @param nativeHeapKb PSS of the native heap
 * @param javaHeapKb PSS of the Java (Dalvik) heap
 * @param graphicsKb PSS of GPU memory (EGL mtrack)
 * @param threads threads in the process
 * @param fds open file descriptors
 * @param views live views
 * @param frames frames rendered since the last {@code dumpsys gfxinfo <package> reset}
 * @param jankyFrames of those, the janky ones
 * @param percentilesMs 50th, 90th, 95th and 99th percentile frame times
 * @param anrReason why the app is not responding, or null while it responds
 */
public record AppProcess(int pid, String packageName, long nativeHeapKb, long javaHeapKb,
    long graphicsKb, int threads, int fds, int views, long frames, long jankyFrames,
    List<Integer> percentilesMs, String anrReason) {

  /**
   * Checks the frame figures.
   *
   * @param pid pid
   * @param packageName name
   * @param nativeHeapKb native heap
   * @param javaHeapKb Java heap
   * @param graphicsKb graphics
   * @param threads threads
   * @param fds descriptors
   * @param views views
   * @param frames frames
   * @param jankyFrames janky frames
   * @param percentilesMs four percentiles
   * @param anrReason ANR reason or null
   * @throws IllegalArgumentException when there are not four percentiles
   */
  public AppProcess {
    percentilesMs = List.copyOf(percentilesMs);
    if (percentilesMs.size() != 4) {
      throw new IllegalArgumentException("AppProcess needs 4 frame-time percentiles (50th, 90th, "
          + "95th, 99th), got " + percentilesMs);
    }
  }
}
