package dev.stormproof.vision;

import java.util.HashMap;
import java.util.Map;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Reusable coarse score maps of one search at a time (borrowed from the Vision's pool, so
 * concurrent searches never share one). Fresh large buffers cost page faults on every poll;
 * these are reallocated only when the shape changes.
 */
final class Workspace implements AutoCloseable {

  private final Map<Integer, OwnedMat> results = new HashMap<>();

  Mat result(int index, int rows, int cols, LedgerScope scope) {
    OwnedMat m = OwnedMat.ensure(results.get(index), scope, rows, cols, opencv_core.CV_32F);
    results.put(index, m);
    return m.mat();
  }

  @Override
  public void close() {
    results.values().forEach(OwnedMat::close);
    results.clear();
  }
}
