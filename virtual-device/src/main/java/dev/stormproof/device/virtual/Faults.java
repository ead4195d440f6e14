package dev.stormproof.device.virtual;

import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults to inject into a running {@link VirtualDevice}, the ways real phones fail a test run.
 * Settable at any time from any thread; each takes effect for commands that start afterwards.
 * "Command" here means one shell/exec service stream.
 *
 * <ul>
 *   <li>{@link #dropConnectionAfter(long)}: the next command writes that many bytes of its
 *       output, then the whole TCP connection is reset (as when USB is pulled or adbd dies).
 *       Every stream on that connection is lost; clients see a dropped connection.</li>
 *   <li>{@link #hang()}: commands stop answering (no output, no exit) until {@link #release()}
 *       or the device closes; streams stay open.</li>
 *   <li>{@link #truncateNextOutput(long)}: the next command's output is cut after that many
 *       bytes and the stream then ends normally (shell v2 still reports the exit code). Only
 *       content validation (PNG IEND, raw header size) catches it, as with a flaky capture tool.</li>
 *   <li>{@link #goOffline()}: all connections are closed and new ones are closed right after
 *       accept, until {@link #goOnline()}; the port stays bound so clients can reconnect
 *       (the adb server reconnects on its own within seconds).</li>
 * </ul>
 *
 * <p>"Next command" means the next stream OPENed after the call, in the order the device received
 * the OPENs. What clients see, measured: real adb 29 passes on the bytes that arrived before a
 * drop and exits 0 (even for {@code shell} with shell v2), so callers must validate content;
 * dadb 1.2.10 ends the stream early or throws {@code SocketException: Broken pipe} and its
 * {@code Dadb} stays broken. Thread-safe; {@link VirtualDevice#close()} releases hung commands
 * without letting them answer.
 */
public final class Faults {

  private static final long NONE = -1;

  private final AtomicLong dropAfter = new AtomicLong(NONE);
  private final AtomicLong truncateAfter = new AtomicLong(NONE);
  private final java.util.concurrent.atomic.AtomicInteger truncations =
      new java.util.concurrent.atomic.AtomicInteger();
  private final Runnable onOffline;
  private final java.util.concurrent.atomic.AtomicInteger hung = new java.util.concurrent.atomic.AtomicInteger();
  private volatile boolean offline;
  private volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);

  Faults(Runnable onOffline) {
    this.onOffline = onOffline;
  }

  /**
   * Resets the connection after the next command wrote some output.
   *
   * @param bytes output bytes written before the reset; 0 resets before any
   * @return this, for chaining
   * @throws IllegalArgumentException when {@code bytes} is negative
   */
  public Faults dropConnectionAfter(long bytes) {
    dropAfter.set(requireNonNegative("dropConnectionAfter", bytes));
    return this;
  }

  /**
   * Cuts the next command's output; the stream then ends normally.
   *
   * @param bytes output bytes kept
   * @return this, for chaining
   * @throws IllegalArgumentException when {@code bytes} is negative
   */
  public Faults truncateNextOutput(long bytes) {
    return truncateNextOutputs(bytes, 1);
  }

  /**
   * Cuts the output of each of the next {@code commands} commands after {@code bytes} bytes (a
   * retried call meets the fault again).
   *
   * @param bytes output bytes each command may write
   * @param commands how many commands meet the fault
   * @return this
   */
  public synchronized Faults truncateNextOutputs(long bytes, int commands) {
    if (commands < 1) {
      throw new IllegalArgumentException("Faults.truncateNextOutputs(" + bytes + ", " + commands
          + "): the command count must be >= 1");
    }
    truncateAfter.set(requireNonNegative("truncateNextOutput", bytes));
    truncations.set(commands);
    return this;
  }

  /**
   * Commands starting from now (and those not yet answered) wait until {@link #release()}.
   *
   * @return this, for chaining
   */
  public synchronized Faults hang() {
    if (gate.isDone()) {
      gate = new CompletableFuture<>();
    }
    return this;
  }

  /**
   * Lets hanging commands continue.
   *
   * @return this, for chaining
   */
  public synchronized Faults release() {
    gate.complete(null);
    return this;
  }

  /** @return true while {@link #hang()} is in force */
  public boolean hanging() {
    return !gate.isDone();
  }

  /** @return how many commands {@link #hang()} holds now; lets a test wait until its command is stuck */
  public int hungCommands() {
    return hung.get();
  }

  /**
   * Closes every connection now and refuses new ones until {@link #goOnline()}.
   *
   * @return this, for chaining
   */
  public Faults goOffline() {
    offline = true;
    onOffline.run();
    return this;
  }

  /**
   * Accepts connections again.
   *
   * @return this, for chaining
   */
  public Faults goOnline() {
    offline = false;
    return this;
  }

  /** @return true between {@link #goOffline()} and {@link #goOnline()} */
  public boolean offline() {
    return offline;
  }

  /**
   * Clears every pending fault, releases hanging commands and comes back online.
   *
   * @return this, for chaining
   */
  public Faults clear() {
    dropAfter.set(NONE);
    truncateAfter.set(NONE);
    release();
    goOnline();
    return this;
  }

  OptionalLong takeDrop() {
    long v = dropAfter.getAndSet(NONE);
    return v == NONE ? OptionalLong.empty() : OptionalLong.of(v);
  }

  synchronized OptionalLong takeTruncate() {
    long v = truncateAfter.get();
    if (v == NONE) {
      return OptionalLong.empty();
    }
    if (truncations.decrementAndGet() <= 0) {
      truncateAfter.set(NONE);
    }
    return OptionalLong.of(v);
  }

  /** Blocks while {@link #hang()} is in force; returns once released (also on device close). */
  void passHangGate() throws InterruptedException {
    CompletableFuture<Void> current = gate;
    if (current.isDone()) {
      return;
    }
    hung.incrementAndGet();
    try {
      current.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    } finally {
      hung.decrementAndGet();
    }
  }

  private static long requireNonNegative(String what, long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("Faults." + what + "(" + bytes + "): the byte count must be >= 0");
    }
    return bytes;
  }

  @Override
  public String toString() {
    return "Faults[dropAfter=" + dropAfter.get() + ", truncateAfter=" + truncateAfter.get() + ", hanging=" + hanging()
        + ", offline=" + offline + "]";
  }
}
