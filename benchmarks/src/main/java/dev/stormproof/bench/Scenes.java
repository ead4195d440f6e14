package dev.stormproof.bench;

/** Where the peers benchmark gets its screen: the sample game Arena, or the synthetic screen. */
final class Scenes {
  private Scenes() {
  }

  /**
   * {@code synthetic}: {@link SyntheticScreen}; {@code arena}: the sample game's scene (falls back
   * to the synthetic screen, saying so, while Arena is not merged).
   */
  static Scene load(String which) {
    switch (which) {
      case "synthetic":
        return SyntheticScreen.render(7);
      case "arena":
        System.out.println("# Arena not merged yet: using the synthetic screen");
        return SyntheticScreen.render(7);
      default:
        throw new IllegalArgumentException("--scene must be 'arena' or 'synthetic', got '" + which + "'");
    }
  }
}
