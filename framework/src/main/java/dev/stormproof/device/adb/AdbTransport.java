package dev.stormproof.device.adb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One connection to one device, hiding dadb. {@link #close()} must unblock every thread that
 * reads or writes any of its channels (it closes the sockets), which is how a timed-out call is
 * bounded. Implementations are thread-safe; channels are used by one thread at a time.
 */
interface AdbTransport extends AutoCloseable {

  /** Opens a stream to an adbd service, for example {@code shell,v2,raw:wm size}. */
  Channel open(String service) throws IOException;

  /** Whether adbd advertised {@code feature} (for example {@code shell_v2}). */
  boolean supports(String feature);

  /** Where this transport goes, for messages. */
  String describe();

  /** Closes the connection and every open channel; idempotent, never throws. */
  @Override
  void close();

  /** A bidirectional stream; end of input means the service closed it (or the connection dropped). */
  interface Channel extends AutoCloseable {
    InputStream in();

    OutputStream out();

    @Override
    void close();
  }
}
