package dev.stormproof.device.virtual;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A minimal host side of the transport, to test the device at the message level. */
final class RawAdbClient implements AutoCloseable {

  final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  /** Payload sizes of every WRTE received, for flow-control and split checks. */
  final List<Integer> writeSizes = new ArrayList<>();

  RawAdbClient(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(20_000); // a safety net against hanging a test, not a timing assertion
    socket.setTcpNoDelay(true);
    in = new BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  static RawAdbClient connected(int port) throws IOException {
    RawAdbClient c = new RawAdbClient(port);
    AdbMessage reply = c.connect(AdbMessage.VERSION, AdbMessage.MAX_PAYLOAD);
    if (reply == null || reply.command() != AdbMessage.A_CNXN) {
      throw new IOException("no CNXN reply: " + reply);
    }
    return c;
  }

  /** Sends CNXN; returns the reply, or null when the device reset or closed the connection. */
  AdbMessage connect(int version, int maxData) throws IOException {
    try {
      send(new AdbMessage(AdbMessage.A_CNXN, version, maxData, "host::\0".getBytes(StandardCharsets.UTF_8)));
    } catch (java.net.SocketException e) {
      return null;
    }
    return read();
  }

  void send(AdbMessage m) throws IOException {
    out.write(m.encode(false));
    out.flush();
  }

  void sendRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** The next message, or null when the device closed (FIN or RST). */
  AdbMessage read() throws IOException {
    try {
      return AdbMessage.read(in, AdbMessage.MAX_PAYLOAD);
    } catch (java.net.SocketException e) {
      return null; // reset by the device
    }
  }

  /** Opens a stream; returns the device's id, or -1 when refused with CLSE. */
  int open(int localId, String service) throws IOException {
    send(new AdbMessage(AdbMessage.A_OPEN, localId, 0, (service + "\0").getBytes(StandardCharsets.UTF_8)));
    AdbMessage reply = read();
    if (reply.command() == AdbMessage.A_CLSE && reply.arg1() == localId) {
      return -1;
    }
    if (reply.command() != AdbMessage.A_OKAY || reply.arg1() != localId) {
      throw new IOException("unexpected reply to OPEN: " + reply);
    }
    return reply.arg0();
  }

  private final java.util.Map<Integer, java.util.ArrayDeque<AdbMessage>> pending = new java.util.HashMap<>();

  /** The next message for one stream; messages for other streams are kept for their readers. */
  AdbMessage readFor(int localId) throws IOException {
    java.util.ArrayDeque<AdbMessage> queue = pending.get(localId);
    if (queue != null && !queue.isEmpty()) {
      return queue.poll();
    }
    while (true) {
      AdbMessage m = read();
      if (m == null || m.arg1() == localId) {
        return m;
      }
      pending.computeIfAbsent(m.arg1(), k -> new java.util.ArrayDeque<>()).add(m);
    }
  }

  /** Reads one stream to its CLSE, acknowledging each WRTE. Null if the connection dropped first. */
  byte[] readStream(int localId) throws IOException {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    while (true) {
      AdbMessage m = readFor(localId);
      if (m == null) {
        lastPartial = data.toByteArray();
        return null;
      }
      if (m.command() == AdbMessage.A_WRTE) {
        writeSizes.add(m.payload().length);
        data.write(m.payload());
        send(AdbMessage.of(AdbMessage.A_OKAY, localId, m.arg0()));
      } else if (m.command() == AdbMessage.A_CLSE) {
        return data.toByteArray();
      }
    }
  }

  /** What {@link #readStream} had received when the connection dropped. */
  byte[] lastPartial;

  String run(String service) throws IOException {
    int local = nextLocal++;
    if (open(local, service) < 0) {
      throw new IOException("refused: " + service);
    }
    byte[] b = readStream(local);
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  private int nextLocal = 100;

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
