package dev.stormproof.device.virtual;

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

/** A private adb server ({@code adb -P PORT nodaemon server}) for one test class; never 5037. */
final class AdbServerProcess implements AutoCloseable {

  static final String ADB = "/usr/bin/adb";

  record Result(int exitCode, String stdout, String stderr) {
  }

  final int port;
  private final Process server;

  AdbServerProcess() throws IOException {
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
        throw new IllegalStateException("adb server exited with " + server.exitValue());
      }
      return false;
    }
  }

  static int freePort() throws IOException {
    while (true) {
      try (ServerSocket s = new ServerSocket(0)) {
        int p = s.getLocalPort();
        if (p < 5554 || p > 5586) {
          return p;
        }
      }
    }
  }

  Result adb(String... args) throws IOException, InterruptedException {
    return adbWithInput(new File("/dev/null"), args);
  }

  Result adbWithInput(File stdin, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(ADB, "-P", Integer.toString(port)));
    cmd.addAll(List.of(args));
    File out = File.createTempFile("adb-out", ".bin");
    File err = File.createTempFile("adb-err", ".txt");
    try {
      Process p = new ProcessBuilder(cmd).redirectInput(stdin)
          .redirectOutput(out).redirectError(err).start();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        throw new IllegalStateException("adb " + String.join(" ", args) + " did not finish in 30 s");
      }
      return new Result(p.exitValue(), java.nio.file.Files.readString(out.toPath(), StandardCharsets.ISO_8859_1),
          java.nio.file.Files.readString(err.toPath()));
    } finally {
      out.delete();
      err.delete();
    }
  }

  byte[] adbBytes(String... args) throws IOException, InterruptedException {
    return adb(args).stdout().getBytes(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws Exception {
    try {
      adb("kill-server");
    } finally {
      server.destroy();
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor();
      }
    }
  }
}
