package dev.stormproof.leak;

/**
 * Which test (or scope) the current thread works for. The JUnit layer binds the test's unique
 * id on the test thread; {@code TaskScope} binds the same id on every task thread it starts.
 * Producers read {@link #current()} to tag what they create (ledger entries, queued taps), so
 * the leak guard and the tap queue can attribute and cancel per test, also under parallel
 * execution.
 *
 * <p>Internal: public for Stormproof's other packages; not part of the API.
 */
public final class Owner {

  /** The owner of work done outside any bound scope (a plain {@code main}, a static init). */
  public static final String NONE = "<unscoped>";

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
  /** The binding of every thread that has one, so the leak guard can ask whose a thread is. */
  private static final java.util.Map<Thread, String> BOUND =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private Owner() {}

  /** @return the owner bound on this thread, or {@link #NONE} */
  public static String current() {
    String id = CURRENT.get();
    return id == null ? NONE : id;
  }

  /**
   * The owner bound on {@code thread} now, or {@link #NONE}: task threads and threads of a
   * {@code StormproofThreadFactory} carry their test's id while they run.
   *
   * @param thread any thread
   * @return its owner, or {@link #NONE} when it has no binding
   */
  public static String of(Thread thread) {
    String id = BOUND.get(thread);
    return id == null ? NONE : id;
  }

  /**
   * Binds {@code id} on this thread until the returned binding is closed, which restores the
   * previous owner if {@code id} is still the bound one (bindings closed out of order never
   * resurrect an owner). Use with try-with-resources.
   *
   * @param id the owner, usually a test's unique id
   * @return the binding to close
   */
  public static Binding bind(String id) {
    String previous = CURRENT.get();
    CURRENT.set(id);
    Thread self = Thread.currentThread();
    BOUND.put(self, id);
    return () -> {
      if (!id.equals(CURRENT.get())) {
        // Closed out of order (another binding already restored or cleared the thread):
        // restoring our "previous" now would leave a stale owner for the next test.
        return;
      }
      if (previous == null) {
        CURRENT.remove();
        BOUND.remove(self);
      } else {
        CURRENT.set(previous);
        BOUND.put(self, previous);
      }
    };
  }

  /** A restorable binding; closing never throws. */
  @FunctionalInterface
  public interface Binding extends AutoCloseable {
    @Override
    void close();
  }
}
