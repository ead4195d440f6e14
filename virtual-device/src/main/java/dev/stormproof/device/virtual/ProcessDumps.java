package dev.stormproof.device.virtual;

import java.util.List;

/**
 * The text a phone prints about an app's process, in the shapes of Android 14 (AOSP's
 * {@code dumpsys meminfo}, {@code dumpsys gfxinfo}, {@code dumpsys activity processes} and the
 * kernel's {@code /proc/<pid>/status}). Fixed parts (code mappings, stack, binders) are
 * constants; what the app reports drives the rest. Stateless.
 */
final class ProcessDumps {

  private ProcessDumps() {}

  static String meminfo(AppProcess p, long uptime) {
    long gfxDev = 2048;
    long glMtrack = 4096;
    long so = 3120;
    long apk = 1212;
    long dex = 806;
    long oat = 402;
    long art = 2430;
    long stack = p.threads() * 16L;
    long dalvikOther = 1024;
    long otherMmap = 96;
    long unknown = 412;
    long total = p.nativeHeapKb() + p.javaHeapKb() + dalvikOther + stack + gfxDev + so + apk
        + dex + oat + art + otherMmap + p.graphicsKb() + glMtrack + unknown;
    StringBuilder b = new StringBuilder();
    b.append("Applications Memory Usage (in Kilobytes):\n")
        .append("Uptime: ").append(uptime).append(" Realtime: ").append(uptime).append("\n\n")
        .append("** MEMINFO in pid ").append(p.pid()).append(" [").append(p.packageName()).append("] **\n")
        .append("                   Pss  Private  Private  SwapPss      Rss     Heap     Heap     Heap\n")
        .append("                 Total    Dirty    Clean    Dirty    Total     Size    Alloc     Free\n")
        .append("                ------   ------   ------   ------   ------   ------   ------   ------\n");
    row(b, "Native Heap", p.nativeHeapKb(), p.nativeHeapKb() + 1800, p.nativeHeapKb() + 6144,
        p.nativeHeapKb() - 512);
    row(b, "Dalvik Heap", p.javaHeapKb(), p.javaHeapKb() + 6200, p.javaHeapKb() * 2,
        p.javaHeapKb() - 300);
    row(b, "Dalvik Other", dalvikOther, 1800, -1, 0);
    row(b, "Stack", stack, stack, -1, 0);
    row(b, "Gfx dev", gfxDev, gfxDev, -1, 0);
    row(b, ".so mmap", so, 29868, -1, 0);
    row(b, ".apk mmap", apk, 1760, -1, 0);
    row(b, ".dex mmap", dex, 488, -1, 0);
    row(b, ".oat mmap", oat, 2752, -1, 0);
    row(b, ".art mmap", art, 16060, -1, 0);
    row(b, "Other mmap", otherMmap, 704, -1, 0);
    row(b, "EGL mtrack", p.graphicsKb(), p.graphicsKb(), -1, 0);
    row(b, "GL mtrack", glMtrack, glMtrack, -1, 0);
    row(b, "Unknown", unknown, 676, -1, 0);
    long rss = total + 62000;
    b.append(String.format("%13s %8d %8d %8d %8d %8d%n", "TOTAL", total, total - 900, 300, 0, rss));
    long code = so + apk + dex + oat;
    b.append("\n App Summary\n")
        .append("                       Pss(KB)                        Rss(KB)\n")
        .append("                        ------                         ------\n");
    summary(b, "Java Heap", p.javaHeapKb() + art, p.javaHeapKb() + 16060);
    summary(b, "Native Heap", p.nativeHeapKb(), p.nativeHeapKb() + 1800);
    summary(b, "Code", code, 34868);
    summary(b, "Stack", stack, stack);
    summary(b, "Graphics", gfxDev + p.graphicsKb() + glMtrack, gfxDev + p.graphicsKb() + glMtrack);
    summary(b, "Private Other", dalvikOther + otherMmap, -1);
    summary(b, "System", unknown, -1);
    b.append(String.format("%n%28s %8d %16s %8d %21s %8d%n", "TOTAL PSS:", total, "TOTAL RSS:", rss,
        "TOTAL SWAP PSS:", 0));
    b.append("\n Objects\n");
    pair(b, "Views", p.views(), "ViewRootImpl", 1);
    pair(b, "AppContexts", 5, "Activities", 1);
    pair(b, "Assets", 10, "AssetManagers", 0);
    pair(b, "Local Binders", 18, "Proxy Binders", 31);
    pair(b, "Parcel memory", 8, "Parcel count", 33);
    pair(b, "Death Recipients", 2, "OpenSSL Sockets", 0);
    b.append(String.format("%21s %8d%n", "WebViews:", 0));
    b.append("\n SQL\n").append(String.format("%21s %8d%n", "MEMORY_USED:", 0));
    return b.toString();
  }

  private static void row(StringBuilder b, String name, long pss, long rss, long heapSize,
      long heapAlloc) {
    b.append(String.format("%13s %8d %8d %8d %8d %8d", name, pss, pss, 0, 0, rss));
    if (heapSize >= 0) {
      b.append(String.format(" %8d %8d %8d", heapSize, heapAlloc, heapSize - heapAlloc));
    }
    b.append('\n');
  }

  private static void summary(StringBuilder b, String name, long pss, long rss) {
    b.append(String.format("%28s %8d", name + ":", pss));
    b.append(rss >= 0 ? String.format("%31d%n", rss) : "\n");
  }

  private static void pair(StringBuilder b, String a, long av, String c, long cv) {
    b.append(String.format("%21s %8d %20s %8d%n", a + ":", av, c + ":", cv));
  }

  static String gfxinfo(AppProcess p, long uptime, long statsSinceNanos) {
    List<Integer> pc = p.percentilesMs();
    return "Applications Graphics Acceleration Info:\n"
        + "Uptime: " + uptime + " Realtime: " + uptime + "\n\n"
        + "** Graphics info for pid " + p.pid() + " [" + p.packageName() + "] **\n\n"
        + "Stats since: " + statsSinceNanos + "ns\n"
        + "Total frames rendered: " + p.frames() + "\n"
        + String.format("Janky frames: %d (%.2f%%)%n", p.jankyFrames(),
            p.frames() == 0 ? 0.0 : p.jankyFrames() * 100.0 / p.frames())
        + String.format("Janky frames (legacy): %d (%.2f%%)%n", p.jankyFrames() / 2,
            p.frames() == 0 ? 0.0 : p.jankyFrames() * 50.0 / p.frames())
        + "50th percentile: " + pc.get(0) + "ms\n"
        + "90th percentile: " + pc.get(1) + "ms\n"
        + "95th percentile: " + pc.get(2) + "ms\n"
        + "99th percentile: " + pc.get(3) + "ms\n"
        + "Number Missed Vsync: " + p.jankyFrames() / 4 + "\n"
        + "Number High input latency: 0\n"
        + "Number Slow UI thread: " + p.jankyFrames() / 2 + "\n"
        + "Number Slow bitmap uploads: 0\n"
        + "Number Slow issue draw commands: " + p.jankyFrames() / 4 + "\n"
        + "Number Frame deadline missed: " + p.jankyFrames() + "\n"
        + "50th gpu percentile: 3ms\n90th gpu percentile: 5ms\n"
        + "95th gpu percentile: 6ms\n99th gpu percentile: 9ms\n";
  }

  static String status(AppProcess p, long vmRssKb) {
    String comm = p.packageName().length() > 15
        ? p.packageName().substring(p.packageName().length() - 15) : p.packageName();
    return "Name:\t" + comm + "\nUmask:\t0077\nState:\tS (sleeping)\nTgid:\t" + p.pid()
        + "\nNgid:\t0\nPid:\t" + p.pid() + "\nPPid:\t612\nTracerPid:\t0\n"
        + "Uid:\t10123\t10123\t10123\t10123\nGid:\t10123\t10123\t10123\t10123\nFDSize:\t256\n"
        + "Groups:\t3003 9997 20123 50123\nVmPeak:\t15123456 kB\nVmSize:\t14890236 kB\n"
        + "VmLck:\t       0 kB\nVmPin:\t       0 kB\nVmHWM:\t" + vmRssKb + " kB\nVmRSS:\t"
        + vmRssKb + " kB\nRssAnon:\t" + vmRssKb / 2 + " kB\nVmSwap:\t       0 kB\nThreads:\t"
        + p.threads() + "\nSigQ:\t0/23456\nSigPnd:\t0000000000000000\n"
        + "voluntary_ctxt_switches:\t1234\nnonvoluntary_ctxt_switches:\t56\n";
  }

  static String activityProcesses(AppProcess p) {
    StringBuilder b = new StringBuilder("ACTIVITY MANAGER RUNNING PROCESSES (dumpsys activity processes)\n")
        .append("  All known processes:\n")
        .append("  *APP* UID 10123 ProcessRecord{5e3c1a2 ").append(p.pid()).append(':')
        .append(p.packageName()).append("/u0a123}\n")
        .append("    user #0 uid=10123 gids={50123, 20123, 9997}\n")
        .append("    packageList={").append(p.packageName()).append("}\n")
        .append("    pid=").append(p.pid()).append(" pid=").append(p.pid()).append('\n')
        .append("    lastActivityTime=-1s2ms lastPssTime=-3s0ms\n");
    if (p.anrReason() != null) {
      b.append("    mCrashing=false mNotResponding=true\n")
          .append("    notRespondingReport: ANR in ").append(p.packageName())
          .append(" (").append(p.packageName()).append("/.MainActivity): ")
          .append(p.anrReason()).append('\n');
    }
    return b.append("  PID mappings:\n    PID #").append(p.pid()).append(": ProcessRecord{5e3c1a2 ")
        .append(p.pid()).append(':').append(p.packageName()).append("/u0a123}\n").toString();
  }
}
