package dev.stormproof.vision;

import dev.stormproof.leak.Ledger;
import java.util.IdentityHashMap;
import java.util.Map;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A javacpp {@link PointerScope} that records every native allocation attached to it in a
 * {@link Ledger} under one owner, with its size and allocation site, and releases the entries
 * when it frees the pointers on {@link #close()}.
 *
 * <p>Like every {@code PointerScope} it is thread-local: create and close it on the same thread
 * with try-with-resources. A pointer that must outlive the scope is moved out with
 * {@link #keep}; the caller then owns one reference and the ledger entry (see {@link OwnedMat}).
 *
 * <p>Sizes: {@link Pointer#totalBytes()} does not count OpenCV pixel data, so a {@link Mat}'s
 * size is {@code rows * cols * elemSize} at attach time (allocate Mats with their final size;
 * a header-only {@code new Mat()} is recorded as 0 bytes and re-measured by {@link #keep}).
 *
 * <p>Internal: public for the benchmarks module; not part of the API.
 */
public final class LedgerScope extends PointerScope {

  private final Ledger ledger;
  private final String owner;
  // Identity: Pointer.equals compares addresses, and two views may share one.
  private final Map<Pointer, Ledger.Entry> entries = new IdentityHashMap<>();

  /**
   * Opens a scope on the current thread (javacpp scopes are thread-local); close it there.
   *
   * @param ledger where attached pointers are recorded
   * @param owner the owner recorded with them
   */
  public LedgerScope(Ledger ledger, String owner) {
    this.ledger = ledger;
    this.owner = owner;
  }

  @Override
  public PointerScope attach(Pointer p) {
    super.attach(p);
    entries.put(p, ledger.track(Ledger.Kind.NATIVE_BUFFER, p, owner, describe(p), bytes(p)));
    return this;
  }

  /**
   * Moves {@code p} (attached to this scope) out of it without freeing it: the caller owns one
   * reference (free it with {@code p.releaseReference()}) and the returned ledger entry.
   */
  Ledger.Entry keep(Pointer p) {
    Ledger.Entry entry = entries.remove(p);
    if (entry == null) {
      throw new IllegalStateException(describe(p) + " was not allocated in this scope");
    }
    p.retainReference();
    detach(p);
    long bytes = bytes(p);
    if (bytes != entry.bytes()) {
      // OpenCV filled a header-only Mat after attach: re-record it with its real size.
      entry.release();
      entry = ledger.track(Ledger.Kind.NATIVE_BUFFER, p, owner, describe(p), bytes);
    }
    return entry;
  }

  /** Number of allocations currently held by this scope. */
  int size() {
    return entries.size();
  }

  @Override
  public void close() {
    try {
      super.close();
    } finally {
      entries.values().forEach(Ledger.Entry::release);
      entries.clear();
    }
  }

  static long bytes(Pointer p) {
    if (p instanceof Mat m) {
      // A view (ROI) or a header over foreign memory owns no pixels.
      long pixels = m.isSubmatrix() || m.u() == null ? 0 : m.total() * m.elemSize();
      return pixels + m.sizeof();
    }
    return Math.max(1, p.capacity()) * Math.max(1, p.sizeof());
  }

  static String describe(Pointer p) {
    if (p instanceof Mat m) {
      return "Mat " + m.cols() + "x" + m.rows() + " " + typeName(m.type()) + (m.isSubmatrix() ? " view" : "");
    }
    return p.getClass().getSimpleName();
  }

  static String typeName(int type) {
    int depth = type & 7;
    int channels = (type >> 3) + 1;
    String[] depths = {"8U", "8S", "16U", "16S", "32S", "32F", "64F", "16F"};
    return "CV_" + depths[depth] + "C" + channels;
  }
}
