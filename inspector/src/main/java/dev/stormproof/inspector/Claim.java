package dev.stormproof.inspector;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * One user at a time: the first page load takes the inspector (a random token in a cookie);
 * another browser gets a clear refusal until the holder has been silent for {@link #IDLE_NANOS}
 * (a closed tab stops polling the screen). Thread-safe.
 */
final class Claim {

  static final String COOKIE = "stormproof-inspector";
  static final long IDLE_NANOS = 20_000_000_000L;
  private static final SecureRandom RANDOM = new SecureRandom();

  private String token;
  private long lastSeen;

  /** The token of a new holder, or null when someone else holds the inspector. */
  synchronized String take(String presented, long now) {
    if (token != null && token.equals(presented)) {
      lastSeen = now;
      return token;
    }
    if (token != null && now - lastSeen < IDLE_NANOS) {
      return null;
    }
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    token = HexFormat.of().formatHex(b);
    lastSeen = now;
    return token;
  }

  /** Whether {@code presented} is the holder's token (and marks the holder active). */
  synchronized boolean holds(String presented, long now) {
    if (token != null && token.equals(presented)) {
      lastSeen = now;
      return true;
    }
    return false;
  }
}
