package dev.stormproof.device.virtual;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One service stream of an {@link AdbConnection}, as adbd keeps it: at most one WRTE of ours in
 * flight until the host's OKAY, payloads split at the negotiated maximum, the host's writes
 * acknowledged once consumed. Written by one service thread, fed by the connection's reader.
 */
final class AdbStream {

  /** Host writes buffered for a stdin-reading command before the reader blocks (TCP backpressure). */
  private static final int INBOX_CHUNKS = 16;
  private static final byte[] END = new byte[0];
  private static final long STALL_SECONDS = 30;

  /** Thrown to the service thread when the host or the connection closed the stream. */
  static final class ClosedException extends IOException {
    ClosedException(String message) {
      super(message);
    }
  }

  final AdbConnection connection;
  final int localId;
  final int remoteId;
  final ServiceRequest request;
  /** Faults armed when the stream was opened (-1: none); taken in OPEN order, on the reader thread. */
  final long dropAfter;
  final long truncateAfter;
  private final BlockingQueue<byte[]> inbox = new ArrayBlockingQueue<>(INBOX_CHUNKS);
  private final Object lock = new Object();
  private boolean awaitingOkay;
  private boolean closed;
  private boolean unackedInput;

  AdbStream(AdbConnection connection, int localId, int remoteId, ServiceRequest request, Faults faults) {
    this.dropAfter = faults.takeDrop().orElse(-1);
    this.truncateAfter = faults.takeTruncate().orElse(-1);
    this.connection = connection;
    this.localId = localId;
    this.remoteId = remoteId;
    this.request = request;
  }

  /** Sends bytes as WRTE messages, each waiting for the previous one's OKAY. */
  void write(byte[] data, int offset, int length) throws IOException {
    int max = connection.maxPayload();
    while (length > 0) {
      int n = Math.min(max, length);
      awaitOkay();
      synchronized (lock) {
        awaitingOkay = true;
      }
      connection.send(new AdbMessage(AdbMessage.A_WRTE, localId, remoteId, Arrays.copyOfRange(data, offset, offset + n)));
      offset += n;
      length -= n;
    }
  }

  /** Waits until our last WRTE is acknowledged. */
  void awaitOkay() throws IOException {
    synchronized (lock) {
      while (awaitingOkay && !closed) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ClosedException("interrupted while waiting for the host's OKAY");
        }
      }
      if (closed) {
        throw new ClosedException("stream " + localId + " (" + request.service() + ") was closed");
      }
    }
  }

  /**
   * The host's next write to a stdin-reading command, or null once the host closed the stream.
   * Acknowledges the previous chunk first, so the host has at most one write in flight.
   */
  byte[] readInput() throws IOException {
    ackInput();
    byte[] chunk;
    try {
      chunk = inbox.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClosedException("interrupted while reading the host's input");
    }
    if (chunk == END) {
      inbox.offer(END);
      return null;
    }
    synchronized (lock) {
      unackedInput = true;
    }
    return chunk;
  }

  private void ackInput() throws IOException {
    boolean ack;
    synchronized (lock) {
      ack = unackedInput && !closed;
      unackedInput = false;
    }
    if (ack) {
      connection.send(AdbMessage.of(AdbMessage.A_OKAY, localId, remoteId));
    }
  }

  // Reader thread: a WRTE from the host.
  void onWrite(byte[] payload) throws IOException {
    if (!request.readsInput()) {
      // Commands that never read stdin: acknowledge and drop, so the host never stalls on us.
      connection.send(AdbMessage.of(AdbMessage.A_OKAY, localId, remoteId));
      return;
    }
    try {
      // Blocks the connection's reader (TCP backpressure) while the command catches up; stdin
      // readers never wait on the host, so only a stuck command can hold it this long.
      if (!inbox.offer(payload, STALL_SECONDS, TimeUnit.SECONDS)) {
        throw new AdbMessage.AdbProtocolException("stream " + localId + " (" + request.service() + ") did not read the"
            + " host's input for " + STALL_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClosedException("interrupted while queueing input");
    }
  }

  // Reader thread: the host's OKAY for our WRTE.
  void onOkay() {
    synchronized (lock) {
      awaitingOkay = false;
      lock.notifyAll();
    }
  }

  /**
   * The host sent CLSE: no more writes from us, but input it sent before stays readable (adb
   * {@code exec-in} closes right after its last write), followed by end of input.
   */
  void onRemoteClose() {
    markClosed();
    try {
      inbox.put(END); // room appears as the service drains, or when finish() clears the inbox
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The connection ended: wake the service thread and drop unread input. */
  void onClosed() {
    markClosed();
    inbox.clear(); // also frees a reader blocked in put()
    inbox.offer(END);
  }

  private void markClosed() {
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
    }
  }

  boolean closed() {
    synchronized (lock) {
      return closed;
    }
  }

  /** The service is done: wait for the last OKAY, then send CLSE and forget the stream. */
  void finish() {
    boolean wasOpen;
    try {
      awaitOkay();
    } catch (IOException ignored) {
      // closed already: nothing to wait for
    }
    synchronized (lock) {
      wasOpen = !closed;
      closed = true;
      lock.notifyAll();
    }
    inbox.clear();
    connection.forget(this);
    if (wasOpen) {
      connection.sendQuietly(AdbMessage.of(AdbMessage.A_CLSE, localId, remoteId));
    }
  }
}
