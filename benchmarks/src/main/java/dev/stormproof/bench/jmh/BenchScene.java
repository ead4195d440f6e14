package dev.stormproof.bench.jmh;

import dev.stormproof.bench.Scene;
import dev.stormproof.bench.SyntheticScreen;

/** The screen the JMH benchmarks use, the same one {@code PeersBench} uses by default. */
final class BenchScene {
  private BenchScene() {
  }

  static Scene get() {
    return SyntheticScreen.render(7);
  }
}
