package dev.stormproof.device.virtual.arena;

import dev.stormproof.config.ConfigParse;

import dev.stormproof.device.Size;
import java.util.Optional;
import java.util.function.Function;

/**
 * Immutable settings of an {@link ArenaGame}; {@code withX} returns a copy.
 *
 * @param seed drives loading durations, pop-up positions, bonus pop-ups, enemies and background
 *     noise; default {@value #DEFAULT_SEED}
 * @param attacksToWin ATTACK taps that win a battle; default {@value #DEFAULT_ATTACKS_TO_WIN}
 * @param startCoins coins after {@code start}; default {@value #DEFAULT_START_COINS}
 * @param battleReward coins the victory pop-up's COLLECT adds; default {@value #DEFAULT_BATTLE_REWARD}
 * @param bonusReward coins the lobby's daily-bonus pop-up adds; default {@value #DEFAULT_BONUS_REWARD}
 * @param screenSize the size taps refer to until a render or {@link ArenaGame#screenSize(Size)}
 *     changes it; default {@value #DEFAULT_SCREEN_SIZE}
 */
public record ArenaOptions(
    long seed, int attacksToWin, int startCoins, int battleReward, int bonusReward, Size screenSize) {

  /** Default of {@code stormproof.arena.seed}. */
  public static final long DEFAULT_SEED = 42;
  /** Default of {@code stormproof.arena.attacksToWin}. */
  public static final int DEFAULT_ATTACKS_TO_WIN = 5;
  /** Default of {@code stormproof.arena.startCoins}. */
  public static final int DEFAULT_START_COINS = 100;
  /** Default of {@code stormproof.arena.battleReward}. */
  public static final int DEFAULT_BATTLE_REWARD = 100;
  /** Default of {@code stormproof.arena.bonusReward}. */
  public static final int DEFAULT_BONUS_REWARD = 25;
  /** Default of {@code stormproof.arena.screenSize}. */
  public static final String DEFAULT_SCREEN_SIZE = "1080x2400";

  /**
   * Validates the values.
   *
   * @param seed any value
   * @param attacksToWin at least 1
   * @param startCoins 0 or more
   * @param battleReward 0 or more
   * @param bonusReward 0 or more
   * @param screenSize not null
   * @throws IllegalArgumentException when a value is out of range
   */
  public ArenaOptions {
    positive("attacksToWin", attacksToWin);
    if (startCoins < 0 || battleReward < 0 || bonusReward < 0) {
      throw new IllegalArgumentException("Arena coins must not be negative: startCoins=" + startCoins
          + ", battleReward=" + battleReward + ", bonusReward=" + bonusReward + "; use 0 or more");
    }
    java.util.Objects.requireNonNull(screenSize, "screenSize");
  }

  /** @return options with every default */
  public static ArenaOptions defaults() {
    return new ArenaOptions(DEFAULT_SEED, DEFAULT_ATTACKS_TO_WIN, DEFAULT_START_COINS,
        DEFAULT_BATTLE_REWARD, DEFAULT_BONUS_REWARD, Size.parse(DEFAULT_SCREEN_SIZE));
  }

  /**
   * Reads {@code stormproof.arena.seed}, {@code stormproof.arena.attacksToWin},
   * {@code stormproof.arena.startCoins}, {@code stormproof.arena.battleReward},
   * {@code stormproof.arena.bonusReward} and {@code stormproof.arena.screenSize} (WIDTHxHEIGHT);
   * absent keys keep the defaults above.
   *
   * @param config looks up a configuration parameter by key
   * @return the options
   * @throws IllegalArgumentException naming the key and value when a value does not parse
   */
  public static ArenaOptions fromConfig(Function<String, Optional<String>> config) {
    String p = "stormproof.arena.";
    ArenaOptions o = defaults();
    o = ConfigParse.apply(config, p + "seed", o, (a, v) -> a.withSeed(ConfigParse.whole(p + "seed", v)));
    o = ConfigParse.apply(config, p + "attacksToWin", o,
        (a, v) -> a.withAttacksToWin(intOf(p + "attacksToWin", v)));
    o = ConfigParse.apply(config, p + "startCoins", o, (a, v) -> a.withStartCoins(intOf(p + "startCoins", v)));
    o = ConfigParse.apply(config, p + "battleReward", o,
        (a, v) -> a.withBattleReward(intOf(p + "battleReward", v)));
    o = ConfigParse.apply(config, p + "bonusReward", o,
        (a, v) -> a.withBonusReward(intOf(p + "bonusReward", v)));
    return ConfigParse.apply(config, p + "screenSize", o, (a, v) -> a.withScreenSize(Size.parse(v)));
  }

  private static int intOf(String key, String value) {
    long n = ConfigParse.whole(key, value);
    if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(key + "=" + value + " is too large, for example 42");
    }
    return (int) n;
  }

  /**
   * Returns a copy with another value.
   *
   * @param seed the new seed
   * @return a copy
   */
  public ArenaOptions withSeed(long seed) {
    return new ArenaOptions(seed, attacksToWin, startCoins, battleReward, bonusReward, screenSize);
  }

  /**
   * Returns a copy with another value.
   *
   * @param attacksToWin at least 1
   * @return a copy
   */
  public ArenaOptions withAttacksToWin(int attacksToWin) {
    return new ArenaOptions(seed, attacksToWin, startCoins, battleReward, bonusReward, screenSize);
  }

  /**
   * Returns a copy with another value.
   *
   * @param startCoins 0 or more
   * @return a copy
   */
  public ArenaOptions withStartCoins(int startCoins) {
    return new ArenaOptions(seed, attacksToWin, startCoins, battleReward, bonusReward, screenSize);
  }

  /**
   * Returns a copy with another value.
   *
   * @param battleReward 0 or more
   * @return a copy
   */
  public ArenaOptions withBattleReward(int battleReward) {
    return new ArenaOptions(seed, attacksToWin, startCoins, battleReward, bonusReward, screenSize);
  }

  /**
   * Returns a copy with another value.
   *
   * @param bonusReward 0 or more
   * @return a copy
   */
  public ArenaOptions withBonusReward(int bonusReward) {
    return new ArenaOptions(seed, attacksToWin, startCoins, battleReward, bonusReward, screenSize);
  }

  /**
   * Returns a copy with another value.
   *
   * @param screenSize the initial size taps refer to
   * @return a copy
   */
  public ArenaOptions withScreenSize(Size screenSize) {
    return new ArenaOptions(seed, attacksToWin, startCoins, battleReward, bonusReward, screenSize);
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException("Arena " + name + " is " + value + ": it must be at least 1");
    }
  }
}
