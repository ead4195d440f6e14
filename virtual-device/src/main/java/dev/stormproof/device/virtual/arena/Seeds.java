package dev.stormproof.device.virtual.arena;

/**
 * Every seeded choice in Arena is a pure function of (seed, purpose, index), so the n-th loading
 * screen or pop-up is the same whatever happened in between and on whatever thread. Hand-written
 * (SplitMix64's finaliser) rather than {@code java.util.Random}, whose stream order would couple
 * unrelated choices.
 */
final class Seeds {
  static final long LOADING = 1;
  static final long POPUP_X = 2;
  static final long POPUP_Y = 3;
  static final long BONUS = 4;
  static final long ENEMY = 5;
  static final long PARTICLE = 6;
  static final long BACKGROUND = 7;

  /** Shortest and longest loading screen, milliseconds (inclusive). */
  static final int LOADING_MIN_MS = 30;
  static final int LOADING_MAX_MS = 800;

  private Seeds() {}

  static long mix(long seed, long purpose, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + purpose * 0xD1B54A32D192ED03L + index * 0x8CB92BA72F3D8DD7L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in [0, 1). */
  static double unit(long seed, long purpose, long index) {
    return (mix(seed, purpose, index) >>> 11) * 0x1.0p-53;
  }

  /** The duration of the {@code n}-th loading screen since start: 30-800 ms. */
  static int loadingMillis(long seed, long n) {
    return LOADING_MIN_MS + (int) Math.floorMod(mix(seed, LOADING, n), (long) (LOADING_MAX_MS - LOADING_MIN_MS + 1));
  }
}
