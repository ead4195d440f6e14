package dev.stormproof.report;

import dev.stormproof.device.Screenshot;
import java.util.Optional;

/**
 * The last frame a test captured, so report steps can show the screen an action acted on without
 * a capture of their own. Holds one reference (no copy): a frame is replaced, never accumulated.
 * Thread-safe.
 */
public final class ScreenMemory {

  private volatile Screenshot latest;

  /** Creates an empty memory. */
  public ScreenMemory() {}

  /**
   * Remembers {@code shot} as the latest frame.
   *
   * @param shot a frame just captured
   */
  public void remember(Screenshot shot) {
    latest = shot;
  }

  /**
   * The latest frame, if any was captured.
   *
   * @return the frame, or empty
   */
  public Optional<Screenshot> latest() {
    return Optional.ofNullable(latest);
  }

  /** Forgets the frame (the test ended). */
  public void clear() {
    latest = null;
  }
}
