package dev.stormproof.device.virtual.arena;

/**
 * The screens of Arena. {@link #REWARD} is the modal reward pop-up, shown over the lobby or over
 * a won battle; while it is up it is the current screen.
 *
 * <p>Internal: public for the benchmarks module and the integration tests; not part of the API.
 */
public enum ArenaScreen {
  /** The app is stopped: the device shows its home screen with the Arena icon. */
  LAUNCHER,
  /** Logo, player-name field and PLAY. */
  TITLE,
  /** A loading screen of 30-800 ms (seeded) between screens; taps are ignored. */
  LOADING,
  /** Player name, coins, BATTLE and SHOP. */
  LOBBY,
  /** An enemy to hit with ATTACK until it is beaten. */
  BATTLE,
  /** The reward pop-up with COLLECT and a close X. */
  REWARD,
  /** Items with BUY buttons (green when affordable, red when not) and BACK. */
  SHOP;

  /** @return the lower-case name used in the scene model, for example {@code "lobby"} */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
