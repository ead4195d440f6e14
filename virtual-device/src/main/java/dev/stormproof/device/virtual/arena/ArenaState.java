package dev.stormproof.device.virtual.arena;

import java.util.List;

/**
 * The mutable state of one game; every access holds the {@link ArenaGame}'s lock. Kept apart so
 * the layout and the renderer read plain fields instead of going through the public API.
 */
final class ArenaState {

  /** A shop item; hue in [0, 1) colours its icon. */
  record Item(String name, int price, float hue) {}

  static final List<Item> ITEMS = List.of(
      new Item("POTION", 30, 0.95f), new Item("SWORD", 50, 0.58f), new Item("SHIELD", 80, 0.62f),
      new Item("HELMET", 120, 0.12f), new Item("BOOTS", 150, 0.07f), new Item("BOW", 200, 0.30f),
      new Item("RING", 260, 0.14f), new Item("ARMOR", 350, 0.55f), new Item("STAFF", 420, 0.78f),
      new Item("CLOAK", 500, 0.85f), new Item("CROWN", 650, 0.13f), new Item("DRAGON EGG", 800, 0.40f));

  /**
   * The reward pop-up: which one, where (fractions of the free space), what it pays, and when it
   * appeared (the screen behind it is drawn frozen at that time).
   */
  record Popup(boolean victory, double fx, double fy, int reward, long shownAt) {}

  /** A short banner on the shop: PURCHASED or NOT ENOUGH COINS. */
  record Banner(boolean purchased, String item, long untilMillis) {}

  static final long BANNER_MILLIS = 1500;

  final ArenaOptions options;
  /** The process outlives sessions: {@code am start} on a running game keeps it. */
  final ArenaProcess process;

  ArenaScreen screen = ArenaScreen.LAUNCHER;
  ArenaScreen loadingTarget;
  long loadingStart;
  long loadingEnd;
  int loadings;
  Popup popup;
  int popups;
  Banner banner;
  int lobbyEntries;

  int coins;
  int battlesWon;
  int purchases;
  int battles;
  int hits;
  int attacksTotal;
  long lastHitAt = Long.MIN_VALUE;
  /** Scroll of the shop list in design units (1/1080 of the short screen side). */
  int shopScroll;
  final StringBuilder playerName = new StringBuilder();

  long taps;
  long tapsOnElements;
  long tapsIgnored;
  long keys;
  long swipes;
  String lastEvent = "none";

  ArenaState(ArenaOptions options) {
    this.options = options;
    this.process = new ArenaProcess(options.seed());
  }

  /** Back to a fresh session, as {@code am start} after {@code force-stop}; input counters stay. */
  void reset() {
    screen = ArenaScreen.TITLE;
    loadingTarget = null;
    loadings = 0;
    popup = null;
    popups = 0;
    banner = null;
    lobbyEntries = 0;
    coins = options.startCoins();
    battlesWon = 0;
    purchases = 0;
    battles = 0;
    hits = 0;
    attacksTotal = 0;
    lastHitAt = Long.MIN_VALUE;
    shopScroll = 0;
    playerName.setLength(0);
  }

  ArenaScreen visibleScreen() {
    return popup != null ? ArenaScreen.REWARD : screen;
  }

  /** The screen under the pop-up (the lobby for both pop-ups). */
  ArenaScreen baseScreen() {
    return screen;
  }

  String playerNameOrGuest() {
    return playerName.length() == 0 ? "GUEST" : playerName.toString();
  }
}
