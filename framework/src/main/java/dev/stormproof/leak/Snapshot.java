package dev.stormproof.leak;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.Pointer;

/**
 * The process-wide counters at one moment. Judged: {@code nativeBytes} (see
 * {@link NativeMemory#judged()}, -1 where unavailable), {@code javacppCount} (live javacpp pointers), {@code threads} (live JVM threads
 * not ignored). Info only: heap used, direct buffer bytes, RSS, javacpp physical bytes.
 * Immutable; {@link #take} costs well under a millisecond (no GC, no stack walk).
 */
record Snapshot(long nativeBytes, long javacppCount, long javacppPhysicalBytes,
    long heapUsed, long directBytes, long rssBytes, List<Thread> threads) {

  public Snapshot {
    threads = List.copyOf(threads);
  }

  /** Reads every counter now; threads whose names {@code options} ignores are left out. */
  public static Snapshot take(LeakOptions options) {
    List<Thread> threads = new ArrayList<>();
    for (Thread t : allThreads()) {
      if (t != null && t.isAlive() && !options.ignores(t.getName())) {
        threads.add(t);
      }
    }
    return new Snapshot(NativeMemory.judged(), Pointer.totalCount(), physicalBytes(),
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), readDirectBytes(),
        NativeMemory.residentBytes(), threads);
  }

  /** Every live JVM thread, without stack walks (cheaper than Thread.getAllStackTraces()). */
  static List<Thread> allThreads() {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] all = new Thread[root.activeCount() + 16];
    int n;
    while ((n = root.enumerate(all, true)) == all.length) {
      all = new Thread[all.length * 2];
    }
    return Arrays.asList(Arrays.copyOf(all, n));
  }

  private static long physicalBytes() {
    try {
      return Pointer.physicalBytes();
    } catch (UnsatisfiedLinkError e) {
      return -1; // javacpp natives missing for this platform: info only, so unknown is fine
    }
  }

  private static long readDirectBytes() {
    for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
      if (pool.getName().equals("direct")) {
        return pool.getMemoryUsed();
      }
    }
    return -1;
  }
}
