package dev.stormproof.device.virtual;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * One ADB transport message: the 24-byte header (six little-endian u32: command, arg0, arg1,
 * data length, data checksum, magic = command ^ 0xffffffff) followed by the payload.
 *
 * <p>The checksum field is adbd's byte sum of the payload (the protocol text calls it a CRC,
 * adbd has always summed bytes). Since protocol version {@value #VERSION_SKIP_CHECKSUM} it is
 * sent as 0; we accept any value on input and only emit sums to peers that negotiated an older
 * version (dadb 1.x says 0x01000000).
 */
record AdbMessage(int command, int arg0, int arg1, byte[] payload) {

  static final int A_CNXN = 0x4e584e43;
  static final int A_OPEN = 0x4e45504f;
  static final int A_OKAY = 0x59414b4f;
  static final int A_CLSE = 0x45534c43;
  static final int A_WRTE = 0x45545257;
  static final int A_AUTH = 0x48545541;
  static final int A_SYNC = 0x434e5953;
  static final int A_STLS = 0x534c5453;

  static final int VERSION = 0x01000001;
  static final int VERSION_SKIP_CHECKSUM = 0x01000001;
  static final int MAX_PAYLOAD = 1024 * 1024;
  static final int HEADER_SIZE = 24;

  private static final byte[] EMPTY = new byte[0];

  AdbMessage {
    payload = payload == null ? EMPTY : payload;
  }

  static AdbMessage of(int command, int arg0, int arg1) {
    return new AdbMessage(command, arg0, arg1, EMPTY);
  }

  /** The payload as a string without the trailing NUL that OPEN and CNXN payloads carry. */
  String payloadString() {
    int n = payload.length;
    while (n > 0 && payload[n - 1] == 0) {
      n--;
    }
    return new String(payload, 0, n, StandardCharsets.UTF_8);
  }

  static String commandName(int command) {
    byte[] b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(command).array();
    for (byte c : b) {
      if (c < 'A' || c > 'Z') {
        return String.format("0x%08x", command);
      }
    }
    return new String(b, StandardCharsets.US_ASCII);
  }

  static int checksum(byte[] data) {
    int sum = 0;
    for (byte b : data) {
      sum += b & 0xff;
    }
    return sum;
  }

  /** Serialises header and payload; {@code withChecksum} for peers older than version 0x01000001. */
  byte[] encode(boolean withChecksum) {
    ByteBuffer buf = ByteBuffer.allocate(HEADER_SIZE + payload.length).order(ByteOrder.LITTLE_ENDIAN);
    buf.putInt(command).putInt(arg0).putInt(arg1).putInt(payload.length);
    buf.putInt(withChecksum ? checksum(payload) : 0);
    buf.putInt(~command);
    buf.put(payload);
    return buf.array();
  }

  void writeTo(OutputStream out, boolean withChecksum) throws IOException {
    out.write(encode(withChecksum));
  }

  /**
   * Reads one message.
   *
   * @return the message, or null on a clean end of stream before a header started
   * @throws AdbProtocolException on a bad magic, an oversized payload or a truncated message
   */
  static AdbMessage read(InputStream in, int maxPayload) throws IOException {
    return read(in, maxPayload, () -> { });
  }

  /**
   * Reads one message, calling {@code started} once its first byte arrived (the connection then
   * bounds the rest). The payload buffer grows with the bytes that actually arrive: a header
   * claiming a large payload and then stalling costs no more than what was sent.
   */
  static AdbMessage read(InputStream in, int maxPayload, Runnable started) throws IOException {
    byte[] header = new byte[HEADER_SIZE];
    int first = in.read(header, 0, 1);
    if (first < 0) {
      return null;
    }
    started.run();
    DataInputStream data = new DataInputStream(in);
    try {
      data.readFully(header, 1, HEADER_SIZE - 1);
    } catch (EOFException e) {
      throw new AdbProtocolException("connection ended inside a message header");
    }
    ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
    int command = h.getInt();
    int arg0 = h.getInt();
    int arg1 = h.getInt();
    int length = h.getInt();
    h.getInt(); // checksum: not verified, adbd has not required it since 0x01000001
    int magic = h.getInt();
    if (magic != ~command) {
      throw new AdbProtocolException(String.format(
          "bad magic 0x%08x for command 0x%08x (%s): expected 0x%08x", magic, command, commandName(command), ~command));
    }
    if (length < 0 || length > maxPayload) {
      throw new AdbProtocolException("payload length " + Integer.toUnsignedString(length) + " of "
          + commandName(command) + " exceeds the negotiated maximum " + maxPayload);
    }
    byte[] payload = in.readNBytes(length); // allocates in chunks as bytes arrive
    if (payload.length < length) {
      throw new AdbProtocolException("connection ended inside the " + length + "-byte payload of " + commandName(command));
    }
    return new AdbMessage(command, arg0, arg1, payload);
  }

  @Override
  public String toString() {
    return commandName(command) + "(" + arg0 + ", " + arg1 + ", " + payload.length + " bytes)";
  }

  /** A peer broke the transport protocol; the connection is closed. */
  static final class AdbProtocolException extends IOException {
    AdbProtocolException(String message) {
      super(message);
    }
  }
}
