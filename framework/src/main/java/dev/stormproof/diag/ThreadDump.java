package dev.stormproof.diag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A thread dump grouped by identical stacks, like a goroutine profile: a hundred tasks parked on
 * the same queue read as one group of a hundred, not a hundred pages. Immutable; built from
 * {@link Thread#getAllStackTraces()} (JVM threads only: native threads of OpenCV or OpenBLAS are
 * invisible to it).
 */
public final class ThreadDump {

  /**
   * One thread at capture time.
   *
   * @param name the thread's name
   * @param id the thread's id
   * @param state its state
   * @param daemon whether it is a daemon
   * @param stack its stack, innermost first
   * @param creationSite where it was created; empty when unknown
   */
  public record ThreadState(String name, long id, Thread.State state, boolean daemon,
      List<StackTraceElement> stack, List<StackTraceElement> creationSite) {
    /**
     * Copies the lists.
     *
     * @param name the thread's name
     * @param id the thread's id
     * @param state its state
     * @param daemon whether it is a daemon
     * @param stack its stack, innermost first
     * @param creationSite where it was created; empty when unknown
     */
    public ThreadState {
      stack = List.copyOf(stack);
      creationSite = List.copyOf(creationSite);
    }
  }

  /**
   * Threads sharing one stack (and creation site).
   *
   * @param stack the shared stack, innermost first
   * @param creationSite the shared creation site; empty when unknown
   * @param threads the threads
   */
  public record Group(List<StackTraceElement> stack, List<StackTraceElement> creationSite,
      List<ThreadState> threads) {
    /**
     * Copies the thread list.
     *
     * @param stack the shared stack
     * @param creationSite the shared creation site
     * @param threads the threads
     */
    public Group {
      threads = List.copyOf(threads);
    }
  }

  private final List<ThreadState> threads;

  private ThreadDump(List<ThreadState> threads) {
    this.threads = List.copyOf(threads);
  }

  /**
   * Dumps every live JVM thread accepted by {@code filter}.
   *
   * @param filter which threads to include
   * @param sites a thread's creation site, or null when unknown
   * @return the dump
   */
  public static ThreadDump capture(Predicate<Thread> filter,
      Function<Thread, StackTraceElement[]> sites) {
    List<ThreadState> states = new ArrayList<>();
    for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
      Thread t = e.getKey();
      if (filter.test(t)) {
        states.add(stateOf(t, e.getValue(), sites.apply(t)));
      }
    }
    return new ThreadDump(states);
  }

  /**
   * Dumps these threads, those still alive, stacks taken now.
   *
   * @param threads the threads
   * @param sites a thread's creation site, or null when unknown
   * @return the dump
   */
  public static ThreadDump of(List<Thread> threads, Function<Thread, StackTraceElement[]> sites) {
    List<ThreadState> states = new ArrayList<>();
    for (Thread t : threads) {
      ThreadState state = stateOf(t, t.getStackTrace(), sites.apply(t));
      if (state.state() != Thread.State.TERMINATED) { // it stopped meanwhile: nothing to show
        states.add(state);
      }
    }
    return new ThreadDump(states);
  }

  private static ThreadState stateOf(Thread t, StackTraceElement[] stack, StackTraceElement[] site) {
    return new ThreadState(t.getName(), t.getId(), t.getState(), t.isDaemon(),
        Arrays.asList(stack), site == null ? List.of() : Arrays.asList(site));
  }

  /** @return every thread in the dump */
  public List<ThreadState> threads() {
    return threads;
  }

  /** @return the threads grouped by identical stack and creation site, largest group first, then by first name */
  public List<Group> groups() {
    Map<List<List<StackTraceElement>>, List<ThreadState>> byStack = new LinkedHashMap<>();
    List<ThreadState> sorted = new ArrayList<>(threads);
    sorted.sort(Comparator.comparing(ThreadState::name));
    for (ThreadState t : sorted) {
      byStack.computeIfAbsent(List.of(t.stack(), t.creationSite()), k -> new ArrayList<>()).add(t);
    }
    List<Group> groups = new ArrayList<>();
    byStack.forEach((k, v) -> groups.add(new Group(k.get(0), k.get(1), v)));
    groups.sort(Comparator.comparing((Group g) -> -g.threads().size())
        .thenComparing(g -> g.threads().get(0).name()));
    return groups;
  }

  /**
   * The grouped dump as text: a header per group ({@code 3 threads [WAITING] with this stack:
   * a, b, c}), then up to {@code maxFrames} frames, then the creation site when known.
   *
   * @param maxFrames frames shown per stack
   * @return the text
   */
  public String format(int maxFrames) {
    StringBuilder out = new StringBuilder();
    for (Group g : groups()) {
      formatGroup(out, g, maxFrames, "  ");
    }
    return out.toString();
  }

  /**
   * Appends one group as text.
   *
   * @param out where to append
   * @param g the group
   * @param maxFrames frames shown per stack
   * @param indent prefix of every line
   */
  public static void formatGroup(StringBuilder out, Group g, int maxFrames, String indent) {
    List<String> names = new ArrayList<>();
    List<String> states = new ArrayList<>();
    for (ThreadState t : g.threads()) {
      names.add(t.name());
      if (!states.contains(t.state().name())) {
        states.add(t.state().name());
      }
    }
    int n = g.threads().size();
    out.append(indent).append(n).append(n == 1 ? " thread " : " threads ").append(states)
        .append(" with this stack: ").append(String.join(", ", names)).append('\n');
    appendFrames(out, g.stack(), maxFrames, indent + "    at ");
    if (!g.creationSite().isEmpty()) {
      out.append(indent).append("  created at:\n");
      appendFrames(out, g.creationSite(), maxFrames, indent + "    at ");
    }
  }

  /**
   * Appends up to {@code maxFrames} frames, then {@code ... N more} when cut.
   *
   * @param out where to append
   * @param frames the frames, innermost first
   * @param maxFrames most frames shown
   * @param prefix prefix of every frame line, for example {@code "    at "}
   */
  public static void appendFrames(StringBuilder out, List<StackTraceElement> frames, int maxFrames,
      String prefix) {
    int shown = Math.min(frames.size(), maxFrames);
    for (int i = 0; i < shown; i++) {
      out.append(prefix).append(frames.get(i)).append('\n');
    }
    if (frames.size() > shown) {
      out.append(prefix.replace("at ", "")).append("... ").append(frames.size() - shown)
          .append(" more\n");
    }
    if (frames.isEmpty()) {
      out.append(prefix.replace("at ", "")).append("(no frames)\n");
    }
  }
}
