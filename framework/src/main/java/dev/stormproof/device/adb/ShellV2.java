package dev.stormproof.device.adb;

import dev.stormproof.device.DeviceProtocolException;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The shell v2 packet protocol: id byte (0 stdin, 1 stdout, 2 stderr, 3 exit, 4 close stdin,
 * 5 window size) and a little-endian u32 length, then the payload. Hand-written rather than
 * dadb's {@code AdbShellStream} because that one reads exit codes above 127 as negative and
 * rejects window-size packets.
 */
final class ShellV2 {

  static final int STDIN = 0;
  static final int STDOUT = 1;
  static final int STDERR = 2;
  static final int EXIT = 3;
  static final int CLOSE_STDIN = 4;
  static final int WINDOW = 5;
  private static final int MAX_PACKET = 16 << 20;

  /** Output of one command; {@code stdout} is a growable buffer the caller may reuse. */
  record Result(int exitCode, ByteArrayOutputStream stdout, ByteArrayOutputStream stderr) {}

  private ShellV2() {}

  /**
   * Reads packets until the exit packet. End of stream first means the connection dropped: an
   * {@link EOFException} (the caller turns it into {@code DeviceLostException}), never short output.
   */
  static Result readAll(InputStream in, ByteArrayOutputStream stdout) throws IOException {
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    byte[] header = new byte[5];
    byte[] chunk = new byte[64 * 1024];
    while (true) {
      readFully(in, header, 5, stdout.size());
      int id = header[0] & 0xFF;
      long length = (header[1] & 0xFFL) | (header[2] & 0xFFL) << 8 | (header[3] & 0xFFL) << 16 | (header[4] & 0xFFL) << 24;
      if (length > MAX_PACKET) {
        throw new DeviceProtocolException("shell v2 packet id " + id + " claims " + length + " bytes, more than the " + MAX_PACKET + " limit: the stream is corrupt");
      }
      switch (id) {
        case STDOUT -> copy(in, stdout, (int) length, chunk);
        case STDERR -> copy(in, stderr, (int) length, chunk);
        case EXIT -> {
          if (length != 1) {
            throw new DeviceProtocolException("shell v2 exit packet has " + length + " payload bytes, expected 1");
          }
          int code = in.read();
          if (code < 0) {
            throw new EOFException("stream ended inside the exit packet");
          }
          return new Result(code, stdout, stderr);
        }
        case WINDOW, CLOSE_STDIN -> in.skipNBytes(length);
        default -> throw new DeviceProtocolException("shell v2 packet with unknown id " + id + " (length " + length + "): the stream is corrupt");
      }
    }
  }

  /** Writes one stdin packet and flushes it. */
  static void writeStdin(OutputStream out, byte[] data, int offset, int length) throws IOException {
    byte[] packet = new byte[5 + length];
    packet[0] = STDIN;
    packet[1] = (byte) length;
    packet[2] = (byte) (length >>> 8);
    packet[3] = (byte) (length >>> 16);
    packet[4] = (byte) (length >>> 24);
    System.arraycopy(data, offset, packet, 5, length);
    out.write(packet);
    out.flush();
  }

  private static void copy(InputStream in, ByteArrayOutputStream out, int length, byte[] chunk) throws IOException {
    int left = length;
    while (left > 0) {
      int n = in.read(chunk, 0, Math.min(chunk.length, left));
      if (n < 0) {
        throw new EOFException("stream ended " + left + " bytes short of a " + length + "-byte shell packet, after " + out.size() + " bytes of output");
      }
      out.write(chunk, 0, n);
      left -= n;
    }
  }

  private static void readFully(InputStream in, byte[] buf, int length, int outputSoFar) throws IOException {
    int off = 0;
    while (off < length) {
      int n = in.read(buf, off, length - off);
      if (n < 0) {
        throw new EOFException("stream ended before the exit code (after " + outputSoFar + " bytes of output)");
      }
      off += n;
    }
  }
}
