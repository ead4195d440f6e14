package dev.stormproof.leak;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live resources Stormproof handed out (native buffers, tasks, threads), each with its owner
 * (a test id), size and creation site. Producers ({@code vision}, {@code tasks}) {@link #track}
 * a resource when they create it and {@link Entry#release()} it when they free it; the leak guard
 * reads {@link #live(String)}.
 *
 * <p>The ledger holds resources weakly: an entry whose resource was garbage collected before
 * {@code release()} is still live and reports {@link Entry#collected()} — freed by GC instead of
 * close is a leak.
 *
 * <p>Thread-safe; cost per entry is one map insert plus the stack capture (disable sites with
 * {@link #withoutSites()} on hot paths that do not need them).
 *
 * <p>Internal: public for the benchmarks module and Stormproof's other packages; not part of the API.
 */
public final class Ledger {

  /** What an entry tracks. */
  public enum Kind {
    /** Native memory: OpenCV Mats, javacpp pointers. */
    NATIVE_BUFFER,
    /** A task of a {@code TaskScope}. */
    TASK,
    /** A thread made by a {@code StormproofThreadFactory}. */
    THREAD
  }

  private static final int MAX_SITE_FRAMES = 24;

  private final Map<Long, Entry> live = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final boolean sites;

  /** An empty ledger that records creation sites. */
  public Ledger() {
    this(true);
  }

  private Ledger(boolean sites) {
    this.sites = sites;
  }

  /** @return a new, empty ledger that records no creation sites (cheaper; reports say where to turn them on) */
  public Ledger withoutSites() {
    return new Ledger(false);
  }

  boolean recordsSites() {
    return sites;
  }

  /**
   * Records {@code resource} as live, with the caller's stack as creation site.
   *
   * @param kind what it is
   * @param resource the object; held weakly
   * @param owner the test (or scope) id that owns it
   * @param description what it is, for example {@code Mat 2400x1080 CV_8UC3}
   * @param bytes native bytes it holds, or 0
   * @return the entry; release it when the resource is freed
   */
  public Entry track(Kind kind, Object resource, String owner, String description, long bytes) {
    return track(kind, resource, owner, description, bytes,
        sites ? trimmedSite() : new StackTraceElement[0]);
  }

  /**
   * Records {@code resource} as live with a creation site the caller captured (for example the
   * fork site of a task, or an allocation site with the producer's own frames removed).
   *
   * @param kind what it is
   * @param resource the object; held weakly
   * @param owner the test (or scope) id that owns it
   * @param description what it is, for example {@code Mat 2400x1080 CV_8UC3}
   * @param bytes native bytes it holds, or 0
   * @param site the creation site, innermost frame first
   * @return the entry; release it when the resource is freed
   */
  public Entry track(Kind kind, Object resource, String owner, String description, long bytes,
      StackTraceElement[] site) {
    return track(kind, resource, owner, description, bytes, site, null);
  }

  /**
   * Records {@code resource} with a probe that tells whether it was closed, also after the
   * resource object itself was collected: {@link #sweep()} releases entries whose probe says
   * so. Without a probe an entry lives until {@link Entry#release()}.
   *
   * @param kind what it is
   * @param resource the object; held weakly
   * @param owner the test (or scope) id that owns it
   * @param description what it is, for example {@code Mat 2400x1080 CV_8UC3}
   * @param bytes native bytes it holds, or 0
   * @param site the creation site, innermost frame first
   * @param closedProbe true once the resource was closed; null for none
   * @return the entry; release it when the resource is freed
   */
  public Entry track(Kind kind, Object resource, String owner, String description, long bytes,
      StackTraceElement[] site, java.util.function.BooleanSupplier closedProbe) {
    Entry entry = new Entry(ids.incrementAndGet(), kind, new WeakReference<>(resource), owner,
        description, bytes, site.clone(), Thread.currentThread().getName(), closedProbe);
    live.put(entry.id, entry);
    return entry;
  }

  /** @return every live entry, oldest first */
  public List<Entry> live() {
    List<Entry> all = new ArrayList<>(live.values());
    all.sort((a, b) -> Long.compare(a.id, b.id));
    return all;
  }

  /**
   * Live entries of one owner.
   *
   * @param owner the owner
   * @return its live entries, oldest first
   */
  public List<Entry> live(String owner) {
    List<Entry> mine = new ArrayList<>();
    for (Entry e : live()) {
      if (e.owner.equals(owner)) {
        mine.add(e);
      }
    }
    return mine;
  }

  /** Releases every entry whose closed probe reports that its resource was closed. */
  public void sweep() {
    for (Entry e : live.values()) {
      if (e.closedProbe != null && e.closedProbe.getAsBoolean()) {
        e.release();
      }
    }
  }

  /**
   * The live entry of a resource.
   *
   * @param resource compared by identity
   * @return its entry, if live
   */
  public java.util.Optional<Entry> find(Object resource) {
    for (Entry e : live.values()) {
      if (e.resource.get() == resource) {
        return java.util.Optional.of(e);
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * Counts live entries.
   *
   * @param kind which kind
   * @return how many entries of {@code kind} are live
   */
  public long count(Kind kind) {
    return live.values().stream().filter(e -> e.kind == kind).count();
  }

  /**
   * Sums live bytes.
   *
   * @param kind which kind
   * @return the sum of {@link Entry#bytes()} of live entries of {@code kind}
   */
  public long bytes(Kind kind) {
    return live.values().stream().filter(e -> e.kind == kind).mapToLong(e -> e.bytes).sum();
  }

  /**
   * {@code frames} from index {@code from}, cut before the first reflection or JUnit frame: what
   * calls a test method is the same for every leak and only hides the interesting frames.
   *
   * @param frames a stack, innermost first
   * @param from first index kept
   * @param max most frames kept
   * @return the kept frames
   */
  public static StackTraceElement[] userFrames(StackTraceElement[] frames, int from, int max) {
    int to = from;
    while (to < frames.length && to - from < max) {
      String c = frames[to].getClassName();
      if (c.startsWith("jdk.internal.reflect.") || c.startsWith("java.lang.reflect.")
          || c.startsWith("org.junit.")) {
        break;
      }
      to++;
    }
    return Arrays.copyOfRange(frames, Math.min(from, frames.length), Math.max(to, Math.min(from, frames.length)));
  }

  private static StackTraceElement[] trimmedSite() {
    StackTraceElement[] full = new Throwable().getStackTrace();
    int from = 0;
    // Skip our own bookkeeping frames so the site starts at the caller's code.
    while (from < full.length && full[from].getClassName().startsWith(Ledger.class.getName())) {
      from++;
    }
    return Arrays.copyOfRange(full, from, Math.min(full.length, from + MAX_SITE_FRAMES));
  }

  /** One tracked resource. */
  public final class Entry {
    private final long id;
    private final Kind kind;
    private final WeakReference<Object> resource;
    private final String owner;
    private final String description;
    private final long bytes;
    private final StackTraceElement[] site;
    private final String thread;
    private final long createdNanos = System.nanoTime();
    private final java.util.function.BooleanSupplier closedProbe;

    private Entry(long id, Kind kind, WeakReference<Object> resource, String owner,
        String description, long bytes, StackTraceElement[] site, String thread,
        java.util.function.BooleanSupplier closedProbe) {
      this.closedProbe = closedProbe;
      this.id = id;
      this.kind = kind;
      this.resource = resource;
      this.owner = owner;
      this.description = description;
      this.bytes = bytes;
      this.site = site;
      this.thread = thread;
    }

    /** Marks the resource freed. Idempotent. */
    public void release() {
      live.remove(id);
    }

    boolean released() {
      return !live.containsKey(id);
    }

    /**
     * True when the resource was garbage collected without {@link #release()} (and, where the
     * producer gave a closed probe, without being closed).
     */
    boolean collected() {
      return resource.get() == null && !released()
          && (closedProbe == null || !closedProbe.getAsBoolean());
    }

    /** The resource, or null once collected. */
    Object resource() {
      return resource.get();
    }

    /** @return what it tracks */
    public Kind kind() {
      return kind;
    }

    /** @return the owner's id */
    public String owner() {
      return owner;
    }

    /** @return what it is, for example {@code Mat 2400x1080 CV_8UC3} */
    public String description() {
      return description;
    }

    /** @return native bytes it holds, or 0 */
    public long bytes() {
      return bytes;
    }

    /** @return the creation site, innermost frame first; empty when sites are off */
    public StackTraceElement[] site() {
      return site.clone();
    }

    /** @return the name of the thread that created the resource */
    public String thread() {
      return thread;
    }

    long createdNanos() {
      return createdNanos;
    }

    @Override
    public String toString() {
      return kind + " " + description + " owned by " + owner;
    }
  }
}
