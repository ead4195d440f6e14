package dev.stormproof.testing;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private real adb server ({@code adb -P PORT nodaemon server}) as a child process, for one test
 * or test class; never port 5037 and never an emulator port (5554-5586). {@link #close()} kills it.
 */
public final class TestAdbServer implements AutoCloseable {

  public static final String ADB = "/usr/bin/adb";

  /** One finished adb client run; {@code stdout} is ISO-8859-1 so binary output survives. */
  public record Result(int exitCode, String stdout, String stderr) {
  }

  public final int port;
  private final Process server;

  public TestAdbServer() throws IOException {
    this(freePort());
  }

  /** A server on a given port: to restart one where its clients expect it. */
  public TestAdbServer(int port) throws IOException {
    this.port = port;
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

  /** A free local port outside the range adb scans for emulators. */
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

  public boolean alive() {
    return server.isAlive();
  }

  /** Runs {@code adb -P PORT args...} and returns stdout and stderr merged; fails on a non-zero exit. */
  public String adb(String... args) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command(args)).redirectInput(new File("/dev/null")).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("adb " + String.join(" ", args) + " failed: " + out);
    }
    return out;
  }

  /** Runs {@code adb -P PORT args...} and returns its exit code and both streams, whatever the exit code. */
  public Result run(String... args) throws IOException, InterruptedException {
    return runWithInput(new File("/dev/null"), args);
  }

  /** {@link #run} with {@code stdin} as the client's standard input. */
  public Result runWithInput(File stdin, String... args) throws IOException, InterruptedException {
    File out = File.createTempFile("adb-out", ".bin");
    File err = File.createTempFile("adb-err", ".txt");
    try {
      Process p = new ProcessBuilder(command(args)).redirectInput(stdin)
          .redirectOutput(out).redirectError(err).start();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        throw new IllegalStateException("adb " + String.join(" ", args) + " did not finish in 30 s");
      }
      return new Result(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.ISO_8859_1),
          Files.readString(err.toPath()));
    } finally {
      out.delete();
      err.delete();
    }
  }

  /** The raw standard output of {@link #run}. */
  public byte[] runBytes(String... args) throws IOException, InterruptedException {
    return run(args).stdout().getBytes(StandardCharsets.ISO_8859_1);
  }

  private List<String> command(String... args) {
    List<String> cmd = new ArrayList<>(List.of(ADB, "-P", Integer.toString(port)));
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** {@code adb connect 127.0.0.1:devicePort} and waits until the device is online. */
  public void connect(int devicePort) throws Exception {
    connect("127.0.0.1:" + devicePort);
  }

  /** {@code adb connect serial}, waits until the device is online, and returns what connect printed. */
  public String connect(String serial) throws Exception {
    String out = adb("connect", serial);
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
        .until(() -> adb("devices").contains(serial + "\tdevice"));
    return out;
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
