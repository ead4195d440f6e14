package dev.stormproof.junit;

import dev.stormproof.device.Device;
import dev.stormproof.device.DeviceException;
import dev.stormproof.device.DevicePool;
import dev.stormproof.leak.Owner;
import dev.stormproof.tap.ActionReport;
import dev.stormproof.tap.RateLimitedDevice;
import java.util.List;

/**
 * One test's device: its lease and the owner binding of the test thread. Closing cancels the
 * test's queued taps, waits for its tap in flight, returns the device, and then throws when taps
 * the test queued with {@code tapAsync} failed (so such a failure fails the test); idempotent (the extension closes it in afterEach,
 * the store closes it again as a safety net).
 */
final class TestDevice implements AutoCloseable {

  private final DevicePool.Lease lease;
  private final Owner.Binding binding;
  private final Device view;
  private final Device reported;
  private final ActionReport actions;
  private boolean closed;

  TestDevice(DevicePool.Lease lease, Owner.Binding binding, ActionReport actions) {
    this.lease = lease;
    this.binding = binding;
    // The test gets a view whose close() is a no-op: the pooled device and its queue outlive the test.
    this.view = lease.device() instanceof RateLimitedDevice limited
        ? RateLimitedDevice.sharing(limited.delegate(), limited.queue()) : lease.device();
    this.reported = view instanceof RateLimitedDevice limited ? limited.reportingTo(actions) : view;
    this.actions = actions;
  }

  /** What the test and its Vision receive: every action a report step, captures remembered for pictures. */
  Device device() {
    return reported;
  }

  /** The same device without report steps. */
  Device unreported() {
    return view;
  }

  /** How this test's actions are reported. */
  ActionReport actions() {
    return actions;
  }

  String owner() {
    return lease.owner();
  }

  /** Cancels the test's taps because it failed (see {@link dev.stormproof.tap.TapQueue#fence}). */
  int fenceTaps(Thread allowed) {
    return lease.device() instanceof RateLimitedDevice limited ? limited.queue().fence(lease.owner(), allowed) : 0;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (lease.device() instanceof RateLimitedDevice limited) {
        limited.queue().cancel(lease.owner());
        List<Throwable> failures = limited.queue().takeFailures(lease.owner());
        if (!failures.isEmpty()) {
          DeviceException e = new DeviceException(failures.size() + " tap(s) this test queued with tapAsync failed on "
              + lease.device().serial() + "; the first: " + failures.get(0).getMessage()
              + "; use the blocking tap() to handle a failure where it happens", failures.get(0));
          failures.stream().skip(1).forEach(e::addSuppressed);
          throw e;
        }
      }
    } finally {
      if (lease.device() instanceof RateLimitedDevice limited) {
        limited.queue().unfence(lease.owner());
      }
      lease.close();
      if (binding != null) {
        binding.close();
      }
    }
  }
}
