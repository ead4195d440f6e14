package dev.stormproof.device.virtual.arena;

/** What taps and keys do; called with the game's lock held. */
final class ArenaRules {
  private ArenaRules() {}

  /** Leaves a loading screen whose time is up. */
  static void advance(ArenaState s, long now) {
    if (s.screen == ArenaScreen.LOADING && now >= s.loadingEnd) {
      enter(s, s.loadingTarget, s.loadingEnd);
    }
  }

  static void act(ArenaState s, String name, long now) {
    switch (name) {
      case "arena_icon" -> s.reset();
      case "play" -> load(s, ArenaScreen.LOBBY, now);
      case "battle" -> load(s, ArenaScreen.BATTLE, now);
      case "shop" -> load(s, ArenaScreen.SHOP, now);
      case "attack" -> attack(s, now);
      case "collect" -> {
        s.coins += s.popup.reward();
        closePopup(s);
      }
      case "close" -> closePopup(s);
      case "back" -> s.screen = ArenaScreen.LOBBY;
      case "name_field" -> { } // always focused: the tap only moves the caret in a real app
      default -> {
        if (name.startsWith("buy_")) {
          buy(s, Integer.parseInt(name.substring(4)), now);
        } else {
          throw new IllegalStateException("tappable element '" + name + "' has no action");
        }
      }
    }
  }

  /** Handles an Android key code; returns what it did, for the dump's last event. */
  static String key(ArenaState s, int code) {
    if (code == ArenaGame.KEYCODE_BACK) {
      if (s.popup != null) {
        closePopup(s);
        return "closed the pop-up";
      }
      switch (s.screen) {
        case SHOP, BATTLE -> s.screen = ArenaScreen.LOBBY;
        case LOBBY -> s.screen = ArenaScreen.TITLE;
        default -> {
          return "ignored on " + s.screen.id();
        }
      }
      return "went back to " + s.screen.id();
    }
    if (s.visibleScreen() == ArenaScreen.TITLE && code == ArenaGame.KEYCODE_DEL) {
      if (s.playerName.length() > 0) {
        s.playerName.setLength(s.playerName.length() - 1);
      }
      return "deleted a character";
    }
    return "ignored";
  }

  private static void load(ArenaState s, ArenaScreen target, long now) {
    int millis = Seeds.loadingMillis(s.options.seed(), s.loadings++);
    s.screen = ArenaScreen.LOADING;
    s.loadingTarget = target;
    s.loadingStart = now;
    s.loadingEnd = now + millis;
  }

  private static void enter(ArenaState s, ArenaScreen target, long at) {
    s.screen = target;
    s.loadingTarget = null;
    switch (target) {
      case LOBBY -> {
        // a third of lobby entries (seeded) greet the player with a bonus pop-up
        if (Seeds.unit(s.options.seed(), Seeds.BONUS, s.lobbyEntries++) < 1.0 / 3) {
          showPopup(s, false, s.options.bonusReward(), at);
        }
      }
      case BATTLE -> {
        s.battles++;
        s.hits = 0;
        if (!s.process.battle(at)) {
          s.screen = ArenaScreen.LAUNCHER; // the planted crash ended the process
          s.lastEvent = "crashed entering battle " + s.battles;
        }
      }
      case SHOP -> {
        s.shopScroll = 0;
        s.banner = null;
      }
      default -> { }
    }
  }

  private static void attack(ArenaState s, long now) {
    s.hits++;
    s.attacksTotal++;
    s.lastHitAt = now;
    if (s.hits >= s.options.attacksToWin()) {
      s.battlesWon++;
      showPopup(s, true, s.options.battleReward(), now);
    }
  }

  private static void showPopup(ArenaState s, boolean victory, int reward, long at) {
    int n = s.popups++;
    long seed = s.options.seed();
    s.popup = new ArenaState.Popup(victory, Seeds.unit(seed, Seeds.POPUP_X, n), Seeds.unit(seed, Seeds.POPUP_Y, n), reward, at);
  }

  private static void closePopup(ArenaState s) {
    if (s.popup.victory()) {
      s.screen = ArenaScreen.LOBBY;
    }
    s.popup = null;
  }

  private static void buy(ArenaState s, int index, long now) {
    ArenaState.Item item = ArenaState.ITEMS.get(index);
    boolean ok = s.coins >= item.price();
    if (ok) {
      s.coins -= item.price();
      s.purchases++;
    }
    s.banner = new ArenaState.Banner(ok, item.name(), now + ArenaState.BANNER_MILLIS);
  }
}
