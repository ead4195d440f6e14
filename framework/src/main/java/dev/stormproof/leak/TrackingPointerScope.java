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
 * {@link Ledger.Entry#collected()} ("freed by GC instead of close", a leak).
 *
 * <p>Scopes that own their pointers (for example Vision's) sit above this one on the thread's
 * scope stack, so their buffers are attached to them, not here. javacpp scopes are
 * thread-local: open one per thread (TaskScope does so for each task). Close it on the thread
 * that opened it. Costs one stack capture per allocation when sites are on.
 *
 * <p>Internal: public for the benchmarks module and Stormproof's other packages; not part of
 * the API.
 */
public final class TrackingPointerScope extends PointerScope {

  private static final int MAX_SITE_FRAMES = 32;

  private final Ledger ledger;
  private final String owner;
  private final boolean sites;

  /**
   * Opens the scope on the current thread.
   *
   * @param ledger where attached pointers are recorded
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
        sites ? site() : new StackTraceElement[0], closedProbe(p));
    // Deliberately not calling super.attach: watching must not change who frees the pointer.
    return this;
  }

  /**
   * Releases the ledger entries of native buffers that were closed. Entries whose pointer is
   * still open, or was collected without close, stay live.
   *
   * @param ledger the ledger to sweep
   */
  public static void sweep(Ledger ledger) {
    ledger.sweep();
  }

  /**
   * Whether {@code p} was closed, answerable also after {@code p} itself was collected: a closed
   * pointer is often garbage a moment later, and must not then look "freed by GC". javacpp's
   * reference count (package-private in its DeallocatorReference, read by reflection) drops
   * below zero on {@code close()} of an unscoped pointer and is untouched when the GC frees it.
   * Where that field cannot be read, only pointers still reachable can be judged (address 0).
   * An explicit {@code deallocate()} leaves the count alone: such a pointer, once collected,
   * is reported as freed by GC (use {@code close()}).
   */
  private static java.util.function.BooleanSupplier closedProbe(Pointer p) {
    java.lang.ref.WeakReference<Pointer> weak = new java.lang.ref.WeakReference<>(p);
    java.util.concurrent.atomic.AtomicInteger count = referenceCount(p);
    return () -> {
      Pointer alive = weak.get();
      if (alive != null) {
        return alive.isNull();
      }
      return count != null && count.get() < 0;
    };
  }

  private static final java.lang.reflect.Field DEALLOCATOR = field(Pointer.class, "deallocator");
  private static final java.lang.reflect.Field COUNT =
      field("org.bytedeco.javacpp.Pointer$DeallocatorReference", "count");

  private static java.util.concurrent.atomic.AtomicInteger referenceCount(Pointer p) {
    if (DEALLOCATOR == null || COUNT == null) {
      return null;
    }
    try {
      Object ref = DEALLOCATOR.get(p);
      return COUNT.getDeclaringClass().isInstance(ref)
          ? (java.util.concurrent.atomic.AtomicInteger) COUNT.get(ref) : null;
    } catch (IllegalAccessException e) {
      return null;
    }
  }

  private static java.lang.reflect.Field field(Object owner, String name) {
    try {
      Class<?> c = owner instanceof Class<?> k ? k : Class.forName((String) owner);
      java.lang.reflect.Field f = c.getDeclaredField(name);
      f.setAccessible(true);
      return f;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // another javacpp version: fall back to judging reachable pointers only
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
