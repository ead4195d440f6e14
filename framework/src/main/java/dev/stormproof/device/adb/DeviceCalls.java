package dev.stormproof.device.adb;

import dev.stormproof.device.DeviceCommandException;
import dev.stormproof.device.DeviceException;
import dev.stormproof.device.DeviceLostException;
import dev.stormproof.device.DeviceProtocolException;
import dev.stormproof.device.DeviceTimeoutException;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs device calls with a bound and typed failures. dadb blocks without a timeout, so each call
 * runs on a worker thread and the caller waits with {@code Future.get(timeout)}; on timeout or
 * I/O failure the connection is discarded: closing its socket unblocks the worker, and every
 * other call in flight on the same connection is cancelled (dadb 1.2.10 can strand them).
 * The next call opens a fresh connection.
 *
 * <p>At most {@code maxStreams} calls hold a stream at once; the others wait for a permit inside
 * their own timeout. Without that bound, a burst of first calls (hundreds of callers released
 * together on a fresh handle) opened more streams than adbd accepts; the refused OPEN surfaced as
 * an I/O error, was taken for a lost connection, and the discard cut off every sibling call.
 * A refused OPEN that still happens (another client on the same adbd) fails only its own call.
 */
final class DeviceCalls implements AutoCloseable {

  /** Opens a connection; called on a worker thread. */
  @FunctionalInterface
  interface Connector {
    AdbTransport connect() throws IOException;
  }

  /** The body of one call. */
  @FunctionalInterface
  interface Body<T> {
    T run(AdbTransport transport) throws IOException;
  }

  private final String serial;
  private final Connector connector;
  private final Duration timeout;
  private final ThreadPoolExecutor workers;
  private final Object lock = new Object();
  private Generation current;
  private volatile boolean closed;
  private final AtomicInteger reconnects = new AtomicInteger();
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
  private final int maxStreams;
  private final Semaphore streams;

  private static final class Generation {
    final AdbTransport transport;
    final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    volatile String discardedBecause;

    Generation(AdbTransport transport) {
      this.transport = transport;
    }
  }

  DeviceCalls(String serial, Connector connector, Duration timeout, int maxStreams) {
    this.serial = serial;
    this.connector = connector;
    this.timeout = timeout;
    this.maxStreams = maxStreams;
    this.streams = new Semaphore(maxStreams, true); // fair: a waiting caller is not starved by newcomers
    AtomicInteger n = new AtomicInteger();
    // Unbounded but idle-trimmed: concurrency equals the number of callers, each of which waits.
    this.workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
      Thread t = new Thread(() -> {
        try {
          r.run();
        } finally {
          threads.remove(Thread.currentThread());
        }
      }, "stormproof-adb-" + serial + "-" + n.incrementAndGet());
      t.setDaemon(true);
      threads.add(t);
      return t;
    });
  }

  /** How many times a connection was discarded and reopened (for tests and reports). */
  int reconnects() {
    return reconnects.get();
  }

  /**
   * Runs {@code body}; an idempotent call is retried once on a fresh connection after a lost
   * connection or truncated data. Timeouts are not retried: the caller's wait stays bounded by
   * one timeout.
   */
  <T> T call(String what, boolean idempotent, Body<T> body) {
    try {
      return once(what, body);
    } catch (DeviceLostException | DeviceProtocolException e) {
      if (!idempotent || closed) {
        throw e;
      }
      return once(what, body);
    }
  }

  private <T> T once(String what, Body<T> body) {
    if (closed) {
      throw new DeviceLostException(serial + ": " + what + " on a closed device handle; lease or open the device again");
    }
    AtomicReference<Generation> used = new AtomicReference<>();
    java.util.concurrent.atomic.AtomicBoolean gotStream = new java.util.concurrent.atomic.AtomicBoolean();
    Future<T> future;
    try {
      future = workers.submit(() -> {
        streams.acquire();
        gotStream.set(true);
        try {
          Generation g = generation();
          used.set(g);
          g.workers.add(Thread.currentThread());
          try {
            return body.run(g.transport);
          } finally {
            g.workers.remove(Thread.currentThread());
          }
        } finally {
          streams.release();
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      throw new DeviceLostException(serial + ": " + what + " after the device handle was closed", e);
    }
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      if (!gotStream.get()) {
        // Never got a stream: the connection is busy, not broken; keep it for the calls on it.
        throw new DeviceTimeoutException(serial + ": " + what + " did not start within " + human(timeout) + ": all "
            + maxStreams + " streams of the connection stayed busy; raise stormproof.device.timeout or stormproof.adb.maxStreams, "
            + "or make fewer calls at once");
      }
      if (used.get() == null) {
        // Still connecting (bounded by the connect timeout): there is no connection to discard yet.
        throw new DeviceTimeoutException(serial + ": " + what + " did not complete within " + human(timeout)
            + ": connecting to the device took too long; check that it is reachable, or raise "
            + "stormproof.adb.connectTimeout or stormproof.device.timeout");
      }
      discard(used.get(), what + " timed out");
      throw new DeviceTimeoutException(serial + ": " + what + " did not complete within " + human(timeout)
          + "; the connection was closed and will be reopened; raise stormproof.device.timeout if the device is just slow");
    } catch (CancellationException e) {
      Generation g = used.get();
      String why = g == null || g.discardedBecause == null ? "the device handle was closed" : g.discardedBecause;
      throw new DeviceLostException(serial + ": " + what + " was cut off because the connection was discarded (" + why + ")");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new DeviceLostException(serial + ": " + what + " was interrupted while waiting for the device", e);
    } catch (ExecutionException e) {
      throw translate(what, used.get(), e.getCause());
    }
  }

  private DeviceException translate(String what, Generation g, Throwable cause) {
    if (cause instanceof DeviceCommandException dce) {
      return dce;
    }
    if (g != null && g.discardedBecause != null) {
      return new DeviceLostException(serial + ": " + what + " was cut off because the connection was discarded ("
          + g.discardedBecause + "); it will be reopened on the next call", cause);
    }
    if (cause instanceof DadbTransports.StreamRefusedException refused) {
      // adbd closed this one OPEN; the connection and the calls on it are fine.
      return new DeviceCommandException(serial + ": " + what + ": " + refused.getMessage()
          + "; lower stormproof.adb.maxStreams (now " + maxStreams + ") if other clients share this device", refused);
    }
    if (cause instanceof DeviceProtocolException dpe) {
      discard(g, "protocol error: " + dpe.getMessage());
      // Parsers (screen decoder, shell v2) know no serial; the error must name the device.
      return dpe.getMessage().startsWith(serial + ": ") ? dpe
          : new DeviceProtocolException(serial + ": " + what + ": " + dpe.getMessage(), dpe);
    }
    if (cause instanceof DeviceException de) {
      return de;
    }
    if (cause instanceof IOException io) {
      discard(g, what + " failed: " + io);
      if (g == null) {
        return new DeviceLostException(serial + ": cannot connect (" + describe(io) + "); check that the device is online (adb devices) and reachable", io);
      }
      return new DeviceLostException(serial + ": connection lost during " + what + " (" + describe(io) + "); it will be reopened on the next call", io);
    }
    // dadb signals malformed packets with IllegalStateException/IllegalArgumentException.
    discard(g, what + " failed: " + cause);
    return new DeviceProtocolException(serial + ": malformed answer during " + what + ": " + cause, cause);
  }

  private Generation generation() throws IOException {
    synchronized (lock) {
      if (closed) {
        throw new IOException("device handle closed");
      }
      if (current == null) {
        current = new Generation(connector.connect());
      }
      Generation g = current;
      return g;
    }
  }

  /**
   * Closes {@code g} and interrupts the other calls running on it: dadb 1.2.10 parks readers on a
   * condition that a failed read never signals, so they would otherwise wait out their timeout.
   */
  private void discard(Generation g, String because) {
    if (g == null) {
      return;
    }
    synchronized (lock) {
      if (current != g) {
        return;
      }
      current = null;
    }
    reconnects.incrementAndGet();
    g.discardedBecause = because;
    g.transport.close();
    for (Thread t : g.workers) {
      if (t != Thread.currentThread()) {
        t.interrupt();
      }
    }
  }

  @Override
  public void close() {
    Generation g;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      g = current;
      current = null;
    }
    if (g != null) {
      g.discardedBecause = "device handle closed";
      g.transport.close();
    }
    workers.shutdownNow();
    try {
      // Termination is signalled before the worker threads have died: join them too.
      boolean stopped = workers.awaitTermination(5, TimeUnit.SECONDS);
      for (Thread t : threads) {
        t.join(5_000);
        stopped &= !t.isAlive();
      }
      if (!stopped) {
        throw new DeviceTimeoutException(serial + ": device worker threads did not stop within 5 s after close");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The exception's message, or its type where it has none (a bare EOFException says nothing else). */
  private static String describe(IOException io) {
    return io.getMessage() != null ? io.getMessage() : io.getClass().getSimpleName();
  }

  static String human(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }
}
