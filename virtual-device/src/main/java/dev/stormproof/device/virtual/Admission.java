package dev.stormproof.device.virtual;

import java.net.InetAddress;
import java.util.Collection;

/**
 * Which connection makes room for a new one. A peer may hold at most its budget of connections
 * that have not completed CNXN; beyond it, and when the device's cap is reached, the oldest such
 * connection (of that peer, else of anyone) is dropped for the newcomer. Connections that
 * completed CNXN are never dropped here: a device full of working transports refuses.
 */
final class Admission {

  private Admission() {}

  /** The connection to drop before accepting one from {@code peer}, or null for none. */
  static AdbConnection evictFor(Collection<AdbConnection> open, InetAddress peer, int budget, int cap) {
    AdbConnection oldestOfPeer = null;
    AdbConnection oldest = null;
    int pendingOfPeer = 0;
    for (AdbConnection c : open) {
      if (c.handshakeDone() || c.closed()) {
        continue;
      }
      if (oldest == null || c.seq() < oldest.seq()) {
        oldest = c;
      }
      if (c.peer().equals(peer)) {
        pendingOfPeer++;
        if (oldestOfPeer == null || c.seq() < oldestOfPeer.seq()) {
          oldestOfPeer = c;
        }
      }
    }
    if (pendingOfPeer >= budget) {
      return oldestOfPeer;
    }
    return open.size() >= cap ? oldest : null;
  }
}
