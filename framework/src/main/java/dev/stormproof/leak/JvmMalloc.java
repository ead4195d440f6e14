package dev.stormproof.leak;

import java.lang.management.ManagementFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The bytes the JVM itself has malloc'd, from Native Memory Tracking's summary ({@code malloc:}
 * on its {@code Total:} line), read through the DiagnosticCommand MBean. Only with
 * {@code -XX:NativeMemoryTracking=summary} (or {@code detail}); otherwise {@link #available()} is
 * false. Subtracting it from glibc's in-use bytes leaves what native libraries (OpenCV, javacpp,
 * zlib) hold: JIT arenas, GC remembered sets and symbol tables move by tens of MiB under load and
 * are no test's leak. Thread-safe.
 */
final class JvmMalloc {

  private static final Pattern TOTAL = Pattern.compile("Total: [^\\n]*\\n\\s*malloc: (\\d+) #");
  private static final ObjectName DCMD = name();
  private static final boolean AVAILABLE = DCMD != null && read() >= 0;

  private JvmMalloc() {}

  static boolean available() {
    return AVAILABLE;
  }

  /** The JVM's malloc'd bytes now, or -1 when NMT is off or unreadable. */
  static long bytes() {
    return AVAILABLE ? read() : -1;
  }

  private static long read() {
    try {
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      Object out = server.invoke(DCMD, "vmNativeMemory",
          new Object[] {new String[] {"summary", "scale=b"}},
          new String[] {String[].class.getName()});
      Matcher m = TOTAL.matcher(String.valueOf(out));
      return m.find() ? Long.parseLong(m.group(1)) : -1;
    } catch (Exception | LinkageError e) {
      return -1; // not HotSpot, or NMT off: the guard says so in its note
    }
  }

  private static ObjectName name() {
    try {
      return new ObjectName("com.sun.management:type=DiagnosticCommand");
    } catch (Exception e) {
      return null;
    }
  }
}
