package dev.stormproof.device.virtual;

import java.io.FilterInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A socket's input with an absolute deadline: every read arms the socket timeout with the time
 * left, so a peer trickling one byte at a time cannot stretch a bound that a plain
 * {@code SO_TIMEOUT} (per read) would restart on each byte. Owned by one reader thread.
 */
final class DeadlineInput extends FilterInputStream {

  /** A deadline passed; the message says which and when. */
  static final class DeadlineException extends IOException {
    DeadlineException(String message) {
      super(message);
    }
  }

  private final Socket socket;
  private long deadline; // System.nanoTime(); 0: none
  private String what = "";

  DeadlineInput(Socket socket) throws IOException {
    super(socket.getInputStream());
    this.socket = socket;
  }

  /** Reads from now on must be done by {@code nanoTime} (0: no deadline); {@code what} explains a miss. */
  void until(long nanoTime, String what) {
    this.deadline = nanoTime;
    this.what = what;
  }

  long deadline() {
    return deadline;
  }

  @Override
  public int read() throws IOException {
    arm();
    try {
      return super.read();
    } catch (SocketTimeoutException e) {
      throw new DeadlineException(what);
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    arm();
    try {
      return super.read(b, off, len);
    } catch (SocketTimeoutException e) {
      throw new DeadlineException(what);
    }
  }

  private void arm() throws IOException {
    if (deadline == 0) {
      socket.setSoTimeout(0);
      return;
    }
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new DeadlineException(what);
    }
    socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
  }
}
