package dev.stormproof.bench.jmh;

import dev.stormproof.bench.Scene;
import dev.stormproof.bench.Scenes;

/**
 * The screen the JMH benchmarks use: the one {@code PeersBench} uses by default (Arena's shop),
 * or the one named by {@code -Dstormproof.bench.scene=synthetic|arena}.
 */
final class BenchScene {
  private BenchScene() {
  }

  static Scene get() {
    return Scenes.load(System.getProperty("stormproof.bench.scene", "arena"));
  }
}
