package dev.stormproof.device.adb;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A private real adb server ({@code adb -P PORT nodaemon server}) as a child process; never port 5037. */
public final class TestAdbServer implements AutoCloseable {

  public static final String ADB = "/usr/bin/adb";
  public final int port;
  private final Process server;

  public TestAdbServer() throws IOException {
    this.port = freePort();
    this.server = new ProcessBuilder(ADB, "-P", Integer.toString(port), "nodaemon", "server")
        .redirectInput(new File("/dev/null"))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(this::listening);
  }

  private boolean listening() {
    try (Socket s = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      if (!server.isAlive()) {
        throw new IllegalStateException("adb server on " + port + " exited with " + server.exitValue());
      }
      return false;
    }
  }

  public static int freePort() throws IOException {
    while (true) {
      try (ServerSocket s = new ServerSocket(0)) {
        int p = s.getLocalPort();
        if (p < 5554 || p > 5586) {
          return p;
        }
      }
    }
  }

  /** Runs {@code adb -P PORT args...} and returns stdout; fails on a non-zero exit. */
  public String adb(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(ADB, "-P", Integer.toString(port)));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectInput(new File("/dev/null")).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("adb " + String.join(" ", args) + " failed: " + out);
    }
    return out;
  }

  /** {@code adb connect 127.0.0.1:devicePort} and waits until the device is online. */
  public void connect(int devicePort) throws Exception {
    String serial = "127.0.0.1:" + devicePort;
    adb("connect", serial);
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
        .until(() -> adb("devices").contains(serial + "\tdevice"));
  }

  @Override
  public void close() throws Exception {
    try {
      adb("kill-server");
    } catch (RuntimeException | IOException e) {
      // the process is destroyed below anyway
    } finally {
      server.destroy();
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor();
      }
    }
  }
}
