package dev.stormproof.vision;

import dev.stormproof.leak.Ledger;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Guards native memory of one owner ({@link Vision}, {@link TemplateLibrary}) against use after
 * free. Every native operation runs inside {@link #enter}: a read lock plus a per-call
 * {@link LedgerScope} on the calling thread, so calls from any thread (forked tasks included)
 * allocate into scopes recorded under this owner and are freed when the call ends. {@link #close}
 * first refuses new calls, then takes the write lock (waiting for calls in flight) before it
 * frees the long-lived buffers: a task still matching while the test ends either finishes first
 * or fails with {@link IllegalStateException}; it never touches freed memory.
 *
 * <p>Hand-written rather than a library because the rule is tied to javacpp's thread-local scopes.
 */
final class Gate {

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final String name;
  private final Ledger ledger;
  private final String owner;
  private volatile boolean closed;
  private boolean freed; // guarded by the write lock

  private final boolean scoped;

  Gate(String name, Ledger ledger, String owner) {
    this(name, ledger, owner, true);
  }

  /**
   * @param scoped false for a gate nested inside another owner's calls (a {@link Frame}): its
   *     calls open no scope, so allocations go to the enclosing call's scope
   */
  Gate(String name, Ledger ledger, String owner, boolean scoped) {
    this.name = name;
    this.ledger = ledger;
    this.owner = owner;
    this.scoped = scoped;
  }

  /** One native call: closes its scope (freeing temporaries) and unlocks on close. */
  final class Call implements AutoCloseable {
    final LedgerScope scope;

    private Call() {
      this.scope = scoped ? new LedgerScope(ledger, owner) : null;
    }

    @Override
    public void close() {
      try {
        if (scope != null) {
          scope.close();
        }
      } finally {
        lock.readLock().unlock();
      }
    }
  }

  /** Starts a native call. @throws IllegalStateException once {@link #close} began */
  Call enter(String operation) {
    if (closed) {
      throw closedError(operation);
    }
    lock.readLock().lock();
    if (closed) {
      lock.readLock().unlock();
      throw closedError(operation);
    }
    try {
      return new Call();
    } catch (RuntimeException | Error e) {
      lock.readLock().unlock();
      throw e;
    }
  }

  IllegalStateException closedError(String operation) {
    return new IllegalStateException(name + " is closed: " + operation
        + " after the end of its scope would use freed native memory; use Vision, Frame and Template "
        + "objects only inside the test (or main) that opened them");
  }

  boolean isClosed() {
    return closed;
  }

  /**
   * Refuses new calls, waits up to {@code wait} for calls in flight, then runs {@code free}.
   *
   * @return false when calls were still running after {@code wait}: nothing was freed, the
   *     buffers stay live in the ledger (a reported leak rather than a crash)
   */
  boolean close(Duration wait, Runnable free) {
    closed = true;
    if (lock.getReadHoldCount() > 0) {
      throw new IllegalStateException(name + ".close() called from inside one of its own calls: "
          + "close it after the call returns");
    }
    boolean locked;
    try {
      locked = lock.writeLock().tryLock(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    if (!locked) {
      return false;
    }
    try {
      if (!freed) {
        freed = true;
        free.run();
      }
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }
}
