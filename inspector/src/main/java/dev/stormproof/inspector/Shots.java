package dev.stormproof.inspector;

import dev.stormproof.device.Screenshot;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last few screens the page was shown, by id: a box is cut from the exact pixels the user
 * dragged on, not from a later frame where an animation moved. Thread-safe.
 */
final class Shots {

  private static final int KEEP = 8;
  private final Map<Long, Screenshot> shots = new LinkedHashMap<>();
  private long next = 1;

  synchronized long add(Screenshot shot) {
    long id = next++;
    shots.put(id, shot);
    if (shots.size() > KEEP) {
      shots.remove(shots.keySet().iterator().next());
    }
    return id;
  }

  /** The shot with {@code id}. @throws InspectorException when it is too old or unknown */
  synchronized Screenshot get(long id) {
    Screenshot s = shots.get(id);
    if (s == null) {
      throw new InspectorException(409, "screen " + id + " is no longer kept (the inspector keeps the last " + KEEP
          + "): drag again on the current screen");
    }
    return s;
  }
}
