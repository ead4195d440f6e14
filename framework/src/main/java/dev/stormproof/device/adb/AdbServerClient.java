package dev.stormproof.device.adb;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks an adb server which devices it has ({@code host:devices}). Hand-written rather than dadb's
 * {@code AdbServer.listDadbs}, which starts an adb server when none answers and has no timeout.
 */
final class AdbServerClient {

  /** One line of {@code adb devices}. */
  record Entry(String serial, String state) {
    boolean online() {
      return state.equals("device");
    }
  }

  private AdbServerClient() {}

  static List<Entry> devices(String host, int port, Duration timeout) throws IOException {
    try (Socket socket = new Socket()) {
      int ms = (int) timeout.toMillis();
      socket.connect(new InetSocketAddress(host, port), ms);
      socket.setSoTimeout(ms);
      OutputStream out = socket.getOutputStream();
      String request = "host:devices";
      out.write((String.format("%04x", request.length()) + request).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      String status = read(in, 4);
      if (!status.equals("OKAY")) {
        throw new IOException("adb server " + host + ":" + port + " answered " + status + " to host:devices: " + read(in, Integer.parseInt(read(in, 4), 16)));
      }
      String payload = read(in, Integer.parseInt(read(in, 4), 16));
      List<Entry> entries = new ArrayList<>();
      for (String line : payload.split("\n")) {
        String[] parts = line.trim().split("\t");
        if (parts.length == 2) {
          entries.add(new Entry(parts[0], parts[1]));
        }
      }
      return entries;
    }
  }

  private static String read(DataInputStream in, int n) throws IOException {
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
