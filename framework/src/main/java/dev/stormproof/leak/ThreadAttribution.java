package dev.stormproof.leak;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The threads that appeared since a baseline, split by whose they are: the judged test's own
 * (bound to its id, or made for it by a Stormproof factory), another test's (not this test's
 * growth, whatever it is doing), and nobody's (a plain {@code new Thread}: its creator is
 * unknown). Threads that have terminated are never counted, whenever they stopped.
 *
 * @param own threads owned by the judged test
 * @param others how many threads other tests own
 * @param unowned threads nobody owns
 */
record ThreadAttribution(List<Thread> own, int others, List<Thread> unowned) {

  /** Splits the live threads of {@code now} that are not in {@code baseline}. */
  static ThreadAttribution of(String owner, List<Thread> now, Set<Thread> baseline, Ledger ledger) {
    List<Thread> own = new ArrayList<>();
    List<Thread> unowned = new ArrayList<>();
    int others = 0;
    for (Thread t : now) {
      if (baseline.contains(t) || !t.isAlive()) {
        continue;
      }
      String o = Owner.of(t);
      if (o.equals(Owner.NONE)) {
        // Created by a factory but not started yet, or between bindings: the ledger knows.
        o = ledger.find(t).map(Ledger.Entry::owner).orElse(Owner.NONE);
      }
      if (o.equals(owner)) {
        own.add(t);
      } else if (o.equals(Owner.NONE)) {
        unowned.add(t);
      } else {
        others++;
      }
    }
    return new ThreadAttribution(own, others, unowned);
  }

  /** The threads judged as this test's growth: its own, and nobody's when those are judged. */
  List<Thread> judged(boolean withUnowned) {
    if (!withUnowned) {
      return own;
    }
    List<Thread> all = new ArrayList<>(own);
    all.addAll(unowned);
    return all;
  }
}
