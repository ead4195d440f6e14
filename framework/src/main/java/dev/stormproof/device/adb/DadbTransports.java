package dev.stormproof.device.adb;

import dadb.AdbConnection;
import dadb.AdbKeyPair;
import dadb.AdbStream;
import dadb.Dadb;
import dadb.adbserver.AdbServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The only place that touches dadb. Two transports: direct to adbd over our own socket (so we
 * can set TCP_NODELAY: dadb's own {@code Dadb.create} cannot), and through an adb server.
 */
final class DadbTransports {

  private DadbTransports() {}

  /**
   * Connects straight to adbd at {@code host:port}: our socket, dadb's {@code AdbConnection}
   * for framing and stream multiplexing.
   */
  static AdbTransport direct(String host, int port, AdbOptions options) throws IOException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(options.tcpNoDelay());
      socket.connect(new InetSocketAddress(host, port), (int) options.connectTimeout().toMillis());
      // Bound the CNXN/AUTH handshake, then read without a socket timeout: dadb 1.2.10's
      // message queue strands other readers when a read times out, so timeouts are enforced by
      // closing the socket from the caller (see DeviceCalls) instead.
      socket.setSoTimeout((int) options.connectTimeout().toMillis());
      AdbConnection connection = AdbConnection.Companion.connect(socket, defaultKeyPair());
      socket.setSoTimeout(0);
      return new Direct(host + ":" + port, socket, connection);
    } catch (IOException | RuntimeException e) {
      closeQuietly(socket);
      throw e instanceof IOException io ? io : new IOException("ADB handshake with " + host + ":" + port + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Reaches device {@code serial} through the adb server at {@code host:port}. {@code localhost}
   * is rewritten to {@code 127.0.0.1} because dadb would otherwise start an adb server itself
   * when none answers, which must never happen behind the user's back.
   */
  static AdbTransport viaServer(String host, int port, String serial, AdbOptions options) throws IOException {
    String h = host.equalsIgnoreCase("localhost") ? "127.0.0.1" : host;
    try {
      Dadb dadb = AdbServer.createDadb(h, port, "host:transport:" + serial, (int) options.connectTimeout().toMillis(), 0);
      return new ViaServer(serial + "@" + h + ":" + port, dadb);
    } catch (RuntimeException e) {
      throw new IOException("adb server " + h + ":" + port + " cannot reach " + serial + ": " + e.getMessage(), e);
    }
  }

  private static AdbKeyPair defaultKeyPair() {
    // Phones ask for AUTH; the virtual device and emulators do not. Use the user's adb key when
    // present, never generate one in their home directory.
    File key = new File(System.getProperty("user.home"), ".android/adbkey");
    File pub = new File(System.getProperty("user.home"), ".android/adbkey.pub");
    if (key.isFile() && pub.isFile()) {
      try {
        return AdbKeyPair.read(key, pub);
      } catch (RuntimeException e) {
        return null;
      }
    }
    return null;
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // closing on an error path: the original error is what matters
    }
  }

  private abstract static class Tracking implements AdbTransport {
    private final Set<Channel> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    Channel track(AdbStream stream, Runnable onClose) throws IOException {
      if (closed) {
        closeQuietly(stream);
        throw new IOException("connection " + describe() + " is closed");
      }
      Channel channel = new Channel() {
        private final InputStream in = stream.getSource().inputStream();
        private final OutputStream out = stream.getSink().outputStream();

        @Override public InputStream in() { return in; }
        @Override public OutputStream out() { return out; }

        @Override
        public void close() {
          if (open.remove(this)) {
            closeQuietly(stream);
            onClose.run();
          }
        }
      };
      open.add(channel);
      return channel;
    }

    @Override
    public void close() {
      closed = true;
      closeTransport();
      for (Channel c : open) {
        c.close();
      }
    }

    abstract void closeTransport();
  }

  private static final class Direct extends Tracking {
    private final String name;
    private final Socket socket;
    private final AdbConnection connection;

    Direct(String name, Socket socket, AdbConnection connection) {
      this.name = name;
      this.socket = socket;
      this.connection = connection;
    }

    @Override
    public Channel open(String service) throws IOException {
      try {
        return track(connection.open(service), () -> { });
      } catch (IllegalStateException e) {
        throw new IOException("ADB stream to " + service + " failed on " + name + ": " + e.getMessage(), e);
      }
    }

    @Override public boolean supports(String feature) { return connection.supportsFeature(feature); }
    @Override public String describe() { return name; }

    @Override
    void closeTransport() {
      closeQuietly(socket);
      closeQuietly(connection);
    }
  }

  private static final class ViaServer extends Tracking {
    private final String name;
    private final Dadb dadb;

    ViaServer(String name, Dadb dadb) {
      this.name = name;
      this.dadb = dadb;
    }

    @Override
    public Channel open(String service) throws IOException {
      // Each stream is its own socket to the server; closing the channel closes that socket.
      return track(dadb.open(service), () -> { });
    }

    @Override public boolean supports(String feature) { return dadb.supportsFeature(feature); }
    @Override public String describe() { return name; }

    @Override
    void closeTransport() {
      closeQuietly(dadb);
    }
  }
}
