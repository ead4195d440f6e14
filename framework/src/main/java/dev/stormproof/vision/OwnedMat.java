package dev.stormproof.vision;

import dev.stormproof.leak.Ledger;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A long-lived Mat moved out of a {@link LedgerScope}: one reference plus its ledger entry,
 * freed by {@link #close()} (idempotent). Not thread-safe by itself: its owner serialises use.
 */
final class OwnedMat implements AutoCloseable {

  private Mat mat;
  private Ledger.Entry entry;

  private OwnedMat(Mat mat, Ledger.Entry entry) {
    this.mat = mat;
    this.entry = entry;
  }

  /** Allocates {@code rows x cols} of {@code type} in {@code scope} and moves it out. */
  static OwnedMat allocate(LedgerScope scope, int rows, int cols, int type) {
    Mat m = new Mat(rows, cols, type);
    return new OwnedMat(m, scope.keep(m));
  }

  /** Moves an already allocated Mat of {@code scope} out of it. */
  static OwnedMat adopt(LedgerScope scope, Mat m) {
    return new OwnedMat(m, scope.keep(m));
  }

  /**
   * This buffer when it already has the shape; otherwise frees it and allocates a new one in
   * {@code scope} (recorded with its new size), so a reused buffer never hides a reallocation
   * from the ledger.
   */
  static OwnedMat ensure(OwnedMat current, LedgerScope scope, int rows, int cols, int type) {
    if (current != null && current.mat != null && current.mat.rows() == rows
        && current.mat.cols() == cols && current.mat.type() == type) {
      return current;
    }
    if (current != null) {
      current.close();
    }
    return allocate(scope, rows, cols, type);
  }

  Mat mat() {
    if (mat == null) {
      throw new IllegalStateException("native buffer already freed");
    }
    return mat;
  }

  long bytes() {
    return entry == null ? 0 : entry.bytes();
  }

  boolean closed() {
    return mat == null;
  }

  @Override
  public void close() {
    if (mat != null) {
      mat.releaseReference();
      mat = null;
      entry.release();
      entry = null;
    }
  }
}
