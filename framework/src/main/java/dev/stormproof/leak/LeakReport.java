package dev.stormproof.leak;

import dev.stormproof.diag.ThreadDump;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the leak guard found after one iteration, in three steps: what grew (each counter with
 * baseline, now and tolerance), where it was made (native buffers grouped by allocation site with
 * a count, threads grouped by identical stacks with creation sites, tasks with fork sites and
 * stacks), and what to turn on to see more. Reads like goleak plus Netty's "LEAK: ... Created
 * at:". Immutable; {@link #text()} is the message of the failing test.
 */
public final class LeakReport {

  private final String header;
  private final List<Growth> growth;
  private final List<String> stairSteps;
  private final List<Ledger.Entry> buffers;
  private final List<Ledger.Entry> tasks;
  private final ThreadDump threads;
  private final Snapshot info;
  private final LeakOptions options;
  private final boolean leaked;
  private final List<String> context;
  private volatile String text;

  LeakReport(String header, List<Growth> growth, List<String> stairSteps,
      List<Ledger.Entry> buffers, List<Ledger.Entry> tasks, ThreadDump threads, Snapshot info,
      LeakOptions options, boolean leaked, List<String> context) {
    this.header = header;
    this.growth = List.copyOf(growth);
    this.stairSteps = List.copyOf(stairSteps);
    this.buffers = List.copyOf(buffers);
    this.tasks = List.copyOf(tasks);
    this.threads = threads;
    this.info = info;
    this.options = options;
    this.leaked = leaked;
    this.context = List.copyOf(context);
    if (leaked) {
      // Render now: entries are released from the ledger once reported, which changes them.
      this.text = render();
    }
  }

  /** @return true when the iteration leaked */
  public boolean leaked() {
    return leaked;
  }

  /**
   * Every judged counter, leaking or not: what the report's charts and clean line show.
   *
   * @return the counters in report order
   */
  public List<Growth> growth() {
    return growth;
  }

  /** @return threads that appeared since the baseline and did not stop */
  public ThreadDump newThreads() {
    return threads;
  }

  /** @return native buffers still owned by the iteration (open, or collected without close) */
  public List<Ledger.Entry> buffers() {
    return buffers;
  }

  /** @return tasks still live for the iteration */
  public List<Ledger.Entry> tasks() {
    return tasks;
  }

  /** @return the report as text; a clean iteration's report is rendered only when asked for */
  public String text() {
    String t = text;
    if (t == null) {
      t = render();
      text = t;
    }
    return t;
  }

  @Override
  public String toString() {
    return text();
  }

  private String render() {
    int depth = options.stackDepth();
    StringBuilder out = new StringBuilder(header).append("\n\nWhat grew:\n");
    boolean any = false;
    for (Growth g : growth) {
      if (g.alarms()) {
        any = true;
        out.append(String.format("  %-16s %s (baseline %s, now %s, tolerance %s)%s%n", g.probe(),
            g.deltaText(), Growth.amount(g.baseline(), g.bytes()),
            Growth.amount(g.now(), g.bytes()), Growth.amount(g.tolerance(), g.bytes()),
            g.processWide() ? " [process-wide]" : " [owned by this test]"));
      }
    }
    for (String s : stairSteps) {
      any = true;
      out.append("  ").append(s).append('\n');
    }
    if (!any) {
      out.append("  nothing beyond tolerance\n");
    }
    List<String> steady = new ArrayList<>();
    List<String> notJudged = new ArrayList<>();
    for (Growth g : growth) {
      if (!g.judged()) {
        notJudged.add(g.probe() + " " + g.deltaText());
      } else if (!g.exceeded()) {
        steady.add(g.probe() + " " + g.deltaText());
      }
    }
    if (!steady.isEmpty()) {
      out.append("Within tolerance: ").append(String.join(", ", steady)).append('\n');
    }
    if (!notJudged.isEmpty()) {
      out.append("Context (not judged): ").append(String.join(", ", notJudged)).append('\n');
    }
    for (String c : context) {
      out.append("Context: ").append(c).append('\n');
    }
    if (!buffers.isEmpty()) {
      out.append("\nNative buffers not closed (grouped by allocation site):\n");
      renderBuffers(out, depth);
    }
    if (!threads.threads().isEmpty()) {
      out.append("\nThreads that did not stop (grouped by identical stack):\n");
      int ofTasks = 0;
      for (ThreadDump.Group g : threads.groups()) {
        // A live task's thread is shown with the task below; do not print its stack twice.
        if (g.threads().stream().allMatch(t -> isTaskThread(t.name()))) {
          ofTasks += g.threads().size();
        } else {
          ThreadDump.formatGroup(out, g, depth, "  ");
        }
      }
      if (ofTasks > 0) {
        out.append("  ").append(ofTasks).append(ofTasks == 1 ? " thread runs" : " threads run")
            .append(" a task listed under \"Tasks still live\"\n");
      }
    }
    if (!tasks.isEmpty()) {
      out.append("\nTasks still live:\n");
      renderTasks(out, depth);
    }
    out.append(String.format("%nInfo (not judged): heap used %s, direct buffers %s, RSS %s "
            + "(noisy), javacpp physical %s%n", info(info.heapUsed()), info(info.directBytes()),
        info(info.rssBytes()), info(info.javacppPhysicalBytes())));
    out.append("Native memory: ").append(NativeMemory.note()).append('\n');
    out.append("Attribution: native bytes, javacpp pointers and threads nobody owns are "
        + "process-wide (under parallel execution another test may have grown them); native "
        + "buffers, tasks and Stormproof's threads carry the owning test's id and are exact.\n");
    out.append("More: -Dstormproof.leak.stackDepth=").append(Math.max(40, depth * 2))
        .append(" shows deeper stacks");
    if (!options.sites()) {
      out.append("; -Dstormproof.leak.sites=true records allocation sites (off now)");
    }
    if (!options.jfr()) {
      out.append("; -Dstormproof.leak.jfr=true keeps a JFR recording of the leaking iteration");
    }
    out.append(".\n");
    return out.toString();
  }

  private void renderBuffers(StringBuilder out, int depth) {
    Map<List<Object>, List<Ledger.Entry>> bySite = new LinkedHashMap<>();
    for (Ledger.Entry e : buffers) {
      bySite.computeIfAbsent(List.of(e.description(), Arrays.asList(e.site())),
          k -> new ArrayList<>()).add(e);
    }
    for (List<Ledger.Entry> group : bySite.values()) {
      Ledger.Entry first = group.get(0);
      long total = group.stream().mapToLong(Ledger.Entry::bytes).sum();
      long collected = group.stream().filter(Ledger.Entry::collected).count();
      out.append("  ").append(group.size()).append(" x ").append(first.description())
          .append(" (").append(Growth.amount(first.bytes(), true)).append(" each, ")
          .append(Growth.amount(total, true)).append(" in all) on thread ")
          .append(first.thread());
      List<StackTraceElement> site = Arrays.asList(first.site());
      if (site.isEmpty()) {
        out.append(", allocation site not recorded\n");
      } else {
        out.append(", created at:\n");
        ThreadDump.appendFrames(out, site, depth, "      at ");
      }
      if (collected > 0) {
        out.append("    ").append(collected).append(" of them freed by GC instead of close(): "
            + "close them (try-with-resources) or allocate them in a scope\n");
      } else {
        out.append("    still open\n");
      }
    }
  }

  private boolean isTaskThread(String threadName) {
    for (Ledger.Entry e : tasks) {
      if (e.description().endsWith("(" + threadName + ")")) {
        return true;
      }
    }
    return false;
  }

  private void renderTasks(StringBuilder out, int depth) {
    for (Ledger.Entry e : tasks) {
      Object r = e.resource();
      out.append("  ").append(e.description());
      if (r instanceof Inspectable i) {
        out.append(" [").append(i.liveState()).append("]\n");
        ThreadDump.appendFrames(out, i.liveStack(), depth, "      at ");
      } else {
        out.append(r == null ? " [collected]\n" : "\n");
      }
      out.append("    forked at:\n");
      ThreadDump.appendFrames(out, Arrays.asList(e.site()), depth, "      at ");
    }
  }

  private static String info(long v) {
    return v < 0 ? "n/a" : Growth.amount(v, true);
  }
}
