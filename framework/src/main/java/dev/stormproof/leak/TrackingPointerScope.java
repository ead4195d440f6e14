package dev.stormproof.leak;

import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A javacpp {@link PointerScope} that only watches: every {@link Pointer} allocated on this
 * thread while the scope is innermost is tracked in a {@link Ledger} (owner, description such
 * as {@code Mat 2400x1080 CV_8UC3}, bytes, allocation site), but the scope neither retains nor
 * frees it. A pointer closed by its user disappears from the ledger at the next {@link #sweep};
 * one that is never closed stays live, and once the GC has collected it the entry reports
 * {@link Ledger.Entry#collected()} ("freed by GC instead of close", DESIGN.md rule 2).
 *
 * <p>Scopes that own their pointers (for example Vision's) sit above this one on the thread's
 * scope stack, so their buffers are attached to them, not here. javacpp scopes are
 * thread-local: open one per thread (TaskScope does so for each task). Close it on the thread
 * that opened it. Costs one stack capture per allocation when sites are on.
 */
public final class TrackingPointerScope extends PointerScope {

  private static final int MAX_SITE_FRAMES = 32;

  private final Ledger ledger;
  private final String owner;
  private final boolean sites;

  /**
   * Opens the scope on the current thread.
   *
   * @param owner owner used when no {@link Owner} is bound on the allocating thread
   * @param sites whether to capture allocation sites ({@code stormproof.leak.sites})
   */
  public TrackingPointerScope(Ledger ledger, String owner, boolean sites) {
    this.ledger = ledger;
    this.owner = owner;
    this.sites = sites;
  }

  @Override
  public PointerScope attach(Pointer p) {
    String current = Owner.current();
    String who = Owner.NONE.equals(current) ? owner : current;
    ledger.track(Ledger.Kind.NATIVE_BUFFER, p, who, describe(p), bytesOf(p),
        sites ? site() : new StackTraceElement[0]);
    // Deliberately not calling super.attach: watching must not change who frees the pointer.
    return this;
  }

  /**
   * Releases the ledger entries of native buffers that were closed (their address is now 0).
   * Entries whose pointer is still open, or was collected without close, stay live.
   */
  public static void sweep(Ledger ledger) {
    for (Ledger.Entry e : ledger.live()) {
      if (e.kind() == Ledger.Kind.NATIVE_BUFFER && e.resource() instanceof Pointer p
          && p.isNull()) {
        e.release();
      }
    }
  }

  /** {@code Mat 2400x1080 CV_8UC3} for Mats, the class name and capacity otherwise. */
  static String describe(Pointer p) {
    if (p instanceof Mat m) {
      // Only primitive getters here: anything returning a Pointer would re-enter attach.
      return "Mat " + m.rows() + "x" + m.cols() + " " + typeName(m.type());
    }
    return p.getClass().getSimpleName() + (p.capacity() > 0 ? "[" + p.capacity() + "]" : "");
  }

  private static long bytesOf(Pointer p) {
    if (p instanceof Mat m) {
      return m.total() * m.elemSize();
    }
    return Math.max(0, p.capacity()) * Math.max(1, p.sizeof());
  }

  /** OpenCV's type name, for example {@code CV_8UC3}. */
  static String typeName(int type) {
    String[] depths = {"8U", "8S", "16U", "16S", "32S", "32F", "64F", "16F"};
    return "CV_" + depths[type & 7] + "C" + ((type >> 3) + 1);
  }

  private static StackTraceElement[] site() {
    StackTraceElement[] full = new Throwable().getStackTrace();
    int from = 0;
    // Skip this scope and javacpp's allocation plumbing so the site starts at user code.
    while (from < full.length && (full[from].getClassName().startsWith("org.bytedeco.")
        || full[from].getClassName().equals(TrackingPointerScope.class.getName()))) {
      from++;
    }
    return Ledger.userFrames(full, from, MAX_SITE_FRAMES);
  }
}
