package dev.stormproof.bench;

import java.nio.file.Path;

/**
 * SLOT for Stormproof's own matcher ({@code dev.stormproof.vision}) in {@link PeersBench}.
 * TODO(bench): branch {@code vision} had no committed matcher when this was written; once merged,
 * run its matcher here (frame decoded once outside the timing like the raw baseline, template
 * from the same PNG, timed find + best match) and return the outcome.
 */
final class StormproofPeer {
  private StormproofPeer() {
  }

  /** Either an outcome or why there is none. */
  record Attempt(Outcome outcome, String missingBecause) {
  }

  static Attempt run(Path screenPng, Path templatePng, int warmup, int runs, double threshold) {
    return new Attempt(null, "not measured: branch vision had no matcher merged into bench yet");
  }
}
