package dev.stormproof.device.virtual;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs one shell/exec stream on a service thread: frames output for the stream's kind (raw bytes,
 * or shell v2 packets: id byte, u32 LE length, data), applies the {@link Faults} armed when the
 * command started, executes the command line and reports the exit status.
 */
final class ShellSession implements ShellIo {

  private static final System.Logger LOG = System.getLogger(ShellSession.class.getName());

  static final int ID_STDIN = 0;
  static final int ID_STDOUT = 1;
  static final int ID_STDERR = 2;
  static final int ID_EXIT = 3;
  static final int ID_CLOSE_STDIN = 4;
  static final int ID_WINDOW_SIZE = 5;
  private static final int V2_HEADER = 5;

  private final VirtualDevice device;
  private final AdbStream stream;
  private final boolean v2;
  private final long dropAfter;
  private final long truncateAfter;
  private long written;
  private boolean dropped;
  // Shell v2 input: bytes of a packet split across WRTE messages.
  private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();
  private boolean stdinClosed;

  ShellSession(VirtualDevice device, AdbStream stream) {
    this.device = device;
    this.stream = stream;
    this.v2 = stream.request.kind() == ServiceRequest.Kind.SHELL_V2;
    this.dropAfter = stream.dropAfter;
    this.truncateAfter = stream.truncateAfter;
  }

  void run() {
    try {
      if (dropAfter == 0) {
        stream.connection.abort();
        return;
      }
      device.faults().passHangGate();
      if (device.closing()) {
        return; // released by close: a hung command never answers
      }
      int status = runLine(stream.request.command());
      if (dropAfter > 0 && !dropped) {
        // Output ended before the armed byte count: the connection still drops before the exit status.
        stream.awaitOkay();
        stream.connection.abort();
        return;
      }
      if (v2) {
        stream.write(new byte[] {ID_EXIT, 1, 0, 0, 0, (byte) status}, 0, V2_HEADER + 1);
      }
    } catch (AdbStream.ClosedException e) {
      LOG.log(Level.DEBUG, stream.request.service() + ": " + e.getMessage());
    } catch (IOException e) {
      LOG.log(Level.DEBUG, stream.request.service() + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, stream.request.service() + ": internal error", e);
    } finally {
      stream.finish();
    }
  }

  private int runLine(String line) throws IOException, InterruptedException {
    List<ShellParser.Command> commands;
    try {
      commands = ShellParser.parse(line);
    } catch (ShellParser.SyntaxError e) {
      err("/system/bin/sh: " + e.getMessage() + "\n");
      return 1;
    }
    int status = 0;
    for (ShellParser.Command c : commands) {
      if ((c.joint() == ShellParser.Joint.AND && status != 0) || (c.joint() == ShellParser.Joint.OR && status == 0)) {
        continue;
      }
      try {
        status = device.commands().run(c, this);
      } catch (Commands.ExitException e) {
        return e.status;
      } catch (RuntimeException e) {
        // A crashing command answers like a crashing Android binary (stderr, non-zero exit)
        // instead of dropping the stream, which the host would misread as a lost connection.
        LOG.log(Level.ERROR, stream.request.service() + ": internal error", e);
        err(c.args().get(0) + ": internal error: " + e + "\n");
        status = 1;
      }
    }
    return status;
  }

  @Override
  public void out(byte[] data, int offset, int length) throws IOException {
    emit(ID_STDOUT, data, offset, length);
  }

  @Override
  public void err(String text) throws IOException {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    emit(ID_STDERR, b, 0, b.length);
  }

  private void emit(int id, byte[] data, int offset, int length) throws IOException {
    if (truncateAfter >= 0) {
      length = (int) Math.max(0, Math.min(length, truncateAfter - written));
    }
    boolean drop = dropAfter >= 0 && written + length >= dropAfter;
    if (drop) {
      length = (int) (dropAfter - written);
    }
    if (length > 0) {
      written += length;
      if (v2) {
        // Packets may span WRTEs (the host reassembles per stream); this only keeps most in one.
        int maxPayload = stream.connection.maxPayload();
        int max = (maxPayload > V2_HEADER ? maxPayload : AdbMessage.MAX_PAYLOAD) - V2_HEADER;
        for (int off = offset; off < offset + length; off += max) {
          int n = Math.min(max, offset + length - off);
          byte[] packet = ByteBuffer.allocate(V2_HEADER + n).order(ByteOrder.LITTLE_ENDIAN)
              .put((byte) id).putInt(n).put(data, off, n).array();
          stream.write(packet, 0, packet.length);
        }
      } else {
        stream.write(data, offset, length);
      }
    }
    if (drop) {
      dropped = true;
      stream.awaitOkay();
      stream.connection.abort();
      throw new AdbStream.ClosedException("connection dropped by fault after " + dropAfter + " bytes");
    }
  }

  @Override
  public byte[] readInput() throws IOException {
    if (!v2) {
      return stream.readInput();
    }
    while (!stdinClosed) {
      byte[] data = nextV2Packet();
      if (data != null) {
        return data;
      }
    }
    return null;
  }

  /** One stdin packet's data, an empty array for packets to skip, null at end of input. */
  private byte[] nextV2Packet() throws IOException {
    while (true) {
      byte[] buf = pending.toByteArray();
      if (buf.length >= V2_HEADER) {
        ByteBuffer h = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
        int id = h.get() & 0xff;
        int len = h.getInt();
        if (len < 0 || len > AdbMessage.MAX_PAYLOAD) {
          throw new AdbStream.ClosedException("shell v2 packet of " + Integer.toUnsignedString(len) + " bytes");
        }
        if (buf.length >= V2_HEADER + len) {
          pending.reset();
          pending.write(buf, V2_HEADER + len, buf.length - V2_HEADER - len);
          if (id == ID_CLOSE_STDIN) {
            stdinClosed = true;
            return null;
          }
          return id == ID_STDIN ? java.util.Arrays.copyOfRange(buf, V2_HEADER, V2_HEADER + len) : new byte[0];
        }
      }
      byte[] chunk = stream.readInput();
      if (chunk == null) {
        stdinClosed = true;
        return null;
      }
      pending.write(chunk, 0, chunk.length);
    }
  }
}
