package dev.stormproof.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A real adb server of our own ({@code adb -P PORT nodaemon server}) as a child process, on a
 * free port that is never 5037 (other users' servers) and never 5555-5585 (emulator ports).
 * Readiness is probed with a TCP connect, not with an adb client command, because a client
 * that finds no server starts a daemon of its own. {@link #close()} kills the server and waits
 * for the process.
 */
final class AdbServerProcess implements AutoCloseable {
  private final String adb;
  private final int port;
  private final Process process;

  private AdbServerProcess(String adb, int port, Process process) {
    this.adb = adb;
    this.port = port;
    this.process = process;
  }

  static AdbServerProcess start(String adb, Path log) {
    int port = freePort();
    try {
      Process p = new ProcessBuilder(adb, "-P", Integer.toString(port), "nodaemon", "server")
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      AdbServerProcess server = new AdbServerProcess(adb, port, p);
      Awaitility.await("adb server on port " + port).atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(50)).until(() -> !p.isAlive() || accepts(port));
      if (!p.isAlive()) {
        throw new IllegalStateException("adb -P " + port + " nodaemon server exited with " + p.exitValue()
            + " before accepting connections; see " + log);
      }
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start '" + adb + "': " + e.getMessage()
          + "; install adb (apt-get install -y adb) or pass --adb PATH", e);
    }
  }

  int port() {
    return port;
  }

  /** {@code adb connect host:port} and wait until the device is in state {@code device}. */
  String connect(String host, int devicePort) {
    String serial = host + ":" + devicePort;
    String out = run("connect", serial);
    if (!out.contains("connected")) {
      throw new IllegalStateException("adb -P " + port + " connect " + serial + " answered '" + out.trim() + "'");
    }
    Awaitility.await("device " + serial + " online").atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100)).until(() -> run("-s", serial, "get-state").trim().equals("device"));
    return serial;
  }

  /** Runs one adb client command against this server and returns its combined output. */
  String run(String... args) {
    List<String> cmd = new ArrayList<>(List.of(adb, "-P", Integer.toString(port)));
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(String.join(" ", cmd) + " did not exit within 30 s");
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", cmd), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + String.join(" ", cmd), e);
    }
  }

  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        run("kill-server");
      }
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() {
    for (int attempt = 0; attempt < 20; attempt++) {
      try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
        int p = s.getLocalPort();
        if (p != 5037 && (p < 5555 || p > 5585)) {
          return p;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot find a free loopback port", e);
      }
    }
    throw new IllegalStateException("no free port outside 5037 and 5555-5585 after 20 attempts");
  }
}
