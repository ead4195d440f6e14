package dev.stormproof.device;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Devices handed out one holder at a time: {@link #lease(String)} gives a device exclusively until the
 * {@link Lease} is closed, waiting up to the lease timeout when all are busy. Under JUnit's
 * parallel execution each test holds one lease, so no two tests share a device at once. Waiters
 * are served in arrival order (a fair lock).
 *
 * <p>The pool owns its devices: {@link #close()} closes them (after which leasing fails).
 * Thread-safe.
 *
 * <p>Internal: public for {@code dev.stormproof.junit}; not part of the API.
 */
public final class DevicePool implements AutoCloseable {

  private final List<Device> all;
  private final ArrayDeque<Device> free = new ArrayDeque<>();
  private final Map<Device, String> holders = new IdentityHashMap<>();
  private final ReentrantLock lock = new ReentrantLock(true);
  private final Condition released = lock.newCondition();
  private final Duration leaseTimeout;
  private boolean closed;

  /**
   * A pool that owns {@code devices}.
   *
   * @param devices at least one device; the pool closes them
   * @param leaseTimeout how long {@link #lease(String)} waits for a free device
   * @throws DeviceNotFoundException when {@code devices} is empty
   */
  public DevicePool(List<? extends Device> devices, Duration leaseTimeout) {
    if (devices.isEmpty()) {
      throw new DeviceNotFoundException("a device pool needs at least one device; attach one or use stormproof.device=virtual");
    }
    this.all = List.copyOf(devices);
    this.free.addAll(all);
    this.leaseTimeout = Objects.requireNonNull(leaseTimeout, "leaseTimeout");
  }

  /**
   * Serials of every device in the pool.
   *
   * @return the serials, in pool order
   */
  public List<String> serials() {
    List<String> s = new ArrayList<>();
    all.forEach(d -> s.add(d.serial()));
    return s;
  }

  /**
   * Every device in the pool, leased or not.
   *
   * @return the devices in pool order; unmodifiable
   */
  public List<Device> devices() {
    return all;
  }

  /**
   * Leases a device, waiting at most the pool's lease timeout.
   *
   * @param holder who leases it (a test id, shown in messages)
   * @return the lease; close it to give the device back
   * @throws DeviceTimeoutException naming every device and its holder when none was free in time
   * @throws IllegalStateException when the pool is closed
   */
  public Lease lease(String holder) {
    return lease(holder, leaseTimeout);
  }

  /**
   * Leases a device for {@code holder}, waiting at most {@code timeout}.
   *
   * @param holder who leases it (a test id, shown in messages)
   * @param timeout how long to wait for a free device
   * @return the lease; close it to give the device back
   * @throws DeviceTimeoutException naming every device and its holder when none was free in time
   * @throws IllegalStateException when the pool is closed
   */
  public Lease lease(String holder, Duration timeout) {
    String owner = Objects.requireNonNull(holder, "holder");
    long left = timeout.toNanos();
    lock.lock();
    try {
      while (free.isEmpty() && !closed) {
        if (left <= 0) {
          throw new DeviceTimeoutException("no device was free within " + human(timeout) + " for " + owner + ": all "
              + all.size() + " are leased (" + describeHolders() + "); raise stormproof.device.leaseTimeout, add devices "
              + "(stormproof.adb.servers, stormproof.device.virtualCount) or lower junit.jupiter.execution.parallel parallelism");
        }
        try {
          left = released.awaitNanos(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new DeviceTimeoutException("interrupted while waiting for a free device for " + owner, e);
        }
      }
      if (closed) {
        throw new IllegalStateException("the device pool is closed (the test run ended); lease devices only while tests run");
      }
      Device d = free.pollFirst();
      holders.put(d, owner);
      return new Lease(d, owner);
    } finally {
      lock.unlock();
    }
  }

  private static String human(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }

  private String describeHolders() {
    StringBuilder sb = new StringBuilder();
    for (Device d : all) {
      sb.append(sb.length() == 0 ? "" : ", ").append(d.serial()).append(" by ").append(holders.getOrDefault(d, "nobody"));
    }
    return sb.toString();
  }

  private void release(Device d) {
    lock.lock();
    try {
      if (holders.remove(d) != null && !closed) {
        free.addLast(d);
        released.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Closes every device; waiting and later leases fail. Idempotent. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      released.signalAll();
    } finally {
      lock.unlock();
    }
    Closing.closeAll(all);
  }

  /** Exclusive use of one device until {@link #close()}; closing twice is harmless. Not for sharing across tests. */
  public final class Lease implements AutoCloseable {
    private final Device device;
    private final String owner;
    private boolean open = true;

    private Lease(Device device, String owner) {
      this.device = device;
      this.owner = owner;
    }

    /**
     * The leased device.
     *
     * @return the device; valid until this lease is closed
     */
    public Device device() {
      return device;
    }

    /**
     * Who leased it.
     *
     * @return the holder given to {@link #lease(String)}
     */
    public String owner() {
      return owner;
    }

    @Override
    public synchronized void close() {
      if (open) {
        open = false;
        release(device);
      }
    }

    @Override
    public String toString() {
      return "Lease[" + device.serial() + " by " + owner + "]";
    }
  }
}
