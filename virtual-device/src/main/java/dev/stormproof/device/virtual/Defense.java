package dev.stormproof.device.virtual;

import java.time.Duration;

/**
 * How the virtual device defends itself against peers that hold connections without using them,
 * as a real adbd must: a connection has {@code handshake} to complete CNXN, a message that has
 * started must arrive whole within {@code message} (a stalled header or payload is cut), a
 * connected transport with no open stream is closed after {@code idle} (zero: never, as adbd),
 * and one peer address holds at most {@code peerBudget} connections that have not completed CNXN
 * (the oldest is dropped for a newcomer), so one local process cannot lock everyone else out of
 * the device's connection cap with sockets that never say anything.
 *
 * @param handshake time from accept to a complete CNXN
 * @param message time from a message's first byte to its last
 * @param idle time a connected transport may sit without streams; zero turns it off
 * @param peerBudget unfinished handshakes one peer address may hold at once
 */
public record Defense(Duration handshake, Duration message, Duration idle, int peerBudget) {

  /** 5 s handshake, 10 s per message, no idle limit, 32 connections per peer. */
  public static final Defense DEFAULTS =
      new Defense(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ZERO, 32);

  /**
   * Validates the values.
   *
   * @param handshake time from accept to a complete CNXN; positive
   * @param message time from a message's first byte to its last; positive
   * @param idle time a connected transport may sit without streams; zero turns it off
   * @param peerBudget unfinished handshakes one peer address may hold at once; 1 to 128
   * @throws IllegalArgumentException naming the bad value and what to use
   */
  public Defense {
    positive("stormproof.virtual.handshakeTimeout", handshake);
    positive("stormproof.virtual.messageTimeout", message);
    if (idle == null || idle.isNegative()) {
      throw new IllegalArgumentException("stormproof.virtual.idleTimeout is " + idle
          + ": use 0 (no idle limit) or a positive duration like 10m");
    }
    if (peerBudget < 1 || peerBudget > VirtualDevice.MAX_CONNECTIONS) {
      throw new IllegalArgumentException("stormproof.virtual.peerBudget=" + peerBudget
          + " is refused: use 1 to " + VirtualDevice.MAX_CONNECTIONS + " (the device's connection cap)");
    }
  }

  private static void positive(String key, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(key + " is " + d + ": use a positive duration like 5s");
    }
  }
}
