package dev.stormproof.junit;

import java.util.Optional;
import java.util.function.Function;

/**
 * The holder of a run's {@link DeviceRuntime}, kept in the launcher session's store: created
 * empty when the session opens, filled on first use, closed when the session closes. Thread-safe.
 */
final class RunResources implements AutoCloseable {

  /** Namespace parts shared by the platform-level store (listener) and the Jupiter-level store (extension). */
  static final String NAMESPACE_PART_1 = "dev.stormproof.junit";
  static final String NAMESPACE_PART_2 = "run";
  static final String KEY = RunResources.class.getName();

  private DeviceRuntime devices;
  private RuntimeException startFailure;
  private boolean closed;

  synchronized DeviceRuntime devices(Function<String, Optional<String>> config) {
    if (closed) {
      throw new IllegalStateException("the Stormproof run resources are closed: the launcher session ended");
    }
    if (startFailure != null) {
      // Fail every later test at once with the first cause instead of retrying slow connects.
      throw new IllegalStateException("the devices of this run could not be started: " + startFailure.getMessage(), startFailure);
    }
    if (devices == null) {
      try {
        devices = DeviceRuntime.start(config);
      } catch (RuntimeException e) {
        startFailure = e;
        throw e;
      }
    }
    return devices;
  }

  synchronized boolean started() {
    return devices != null;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (devices != null) {
      devices.close();
    }
  }
}
