package dev.stormproof.leak;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Structure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Process-wide native memory in use, read from glibc's {@code mallinfo2()} as
 * {@code uordblks + hblkhd} (bytes in use in malloc arenas plus bytes in mmapped chunks).
 *
 * <p>Called through JNA, not the Foreign Function and Memory API: Stormproof targets Java 17,
 * where FFM is still incubating (final only in Java 22). Where {@code mallinfo2} is missing
 * (macOS, Windows, musl, glibc before 2.33) {@link #available()} is false, {@link #inUse()}
 * returns -1 and {@link #note()} says why; the leak guard then relies on its other probes.
 *
 * <p>The counter covers the whole process: under parallel execution it cannot tell which test
 * allocated. Thread-safe; about a microsecond per call.
 *
 * <p>Internal: public for the benchmarks module; not part of the API.
 */
public final class NativeMemory {

  /** The mallinfo2 result; field order fixed by glibc's {@code struct mallinfo2}. */
  @Structure.FieldOrder({"arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks",
      "uordblks", "fordblks", "keepcost"})
  public static class MallInfo2 extends Structure implements Structure.ByValue {
    /** Non-mmapped space allocated (bytes). */
    public long arena;
    /** Number of free chunks. */
    public long ordblks;
    /** Number of free fastbin blocks. */
    public long smblks;
    /** Number of mmapped regions. */
    public long hblks;
    /** Space allocated in mmapped regions (bytes). */
    public long hblkhd;
    /** Unused, always 0. */
    public long usmblks;
    /** Space in freed fastbin blocks (bytes). */
    public long fsmblks;
    /** Total allocated space (bytes). */
    public long uordblks;
    /** Total free space (bytes). */
    public long fordblks;
    /** Top-most, releasable space (bytes). */
    public long keepcost;
  }

  private static final Function MALLINFO2;
  private static final String NOTE;

  static {
    Function f = null;
    String note;
    try {
      if (!Platform.isLinux()) {
        note = "native bytes unavailable: mallinfo2() is glibc-only and this OS is "
            + System.getProperty("os.name") + "; judged by javacpp pointers, ledger, threads";
      } else {
        f = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME).getFunction("mallinfo2");
        note = "native bytes from glibc mallinfo2() (uordblks + hblkhd)";
      }
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      note = "native bytes unavailable: no mallinfo2() in the C library (musl or glibc < 2.33: "
          + e.getMessage() + "); judged by javacpp pointers, ledger, threads";
    }
    MALLINFO2 = f;
    NOTE = note;
  }

  private NativeMemory() {}

  /** @return true when {@code mallinfo2()} can be called here */
  public static boolean available() {
    return MALLINFO2 != null;
  }

  /** @return what the native-bytes probe measures here, or why it cannot */
  public static String note() {
    if (MALLINFO2 != null && JvmMalloc.available()) {
      return NOTE + " minus the JVM's own malloc (Native Memory Tracking)";
    }
    return MALLINFO2 == null ? NOTE : NOTE + "; start the JVM with "
        + "-XX:NativeMemoryTracking=summary to leave out the JVM's own malloc churn";
  }

  /**
   * What the leak guard judges: bytes in use by malloc minus the JVM's own malloc'd bytes when
   * Native Memory Tracking is on (so JIT, GC and symbol-table churn is not counted), else
   * {@link #inUse()}; -1 when unavailable.
   *
   * @return judged native bytes, or -1
   */
  public static long judged() {
    long all = inUse();
    if (all < 0 || !JvmMalloc.available()) {
      return all;
    }
    long jvm = JvmMalloc.bytes();
    return jvm < 0 ? all : all - jvm;
  }

  /** @return bytes in use by malloc, or -1 when unavailable */
  public static long inUse() {
    if (MALLINFO2 == null) {
      return -1;
    }
    MallInfo2 info = (MallInfo2) MALLINFO2.invoke(MallInfo2.class, new Object[0]);
    return info.uordblks + info.hblkhd;
  }

  /** @return resident set size from {@code /proc/self/status} (VmRSS), or -1 off Linux; noisy */
  public static long residentBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          String kb = line.substring(6).trim().split("\\s+")[0];
          return Long.parseLong(kb) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or procfs hidden: RSS is info only, so "unknown" is an acceptable answer.
    }
    return -1;
  }
}
