package dev.stormproof.diag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * A bounded JFR recording of one iteration: {@link #start} when the iteration begins, then
 * {@link #dump} it when the iteration leaked or {@link #close} (discard) when it did not. Uses
 * the JDK's {@code default} settings (low overhead) and caps the recording at
 * {@code maxBytes}. Not thread-safe: one capture per iteration, driven by one thread.
 *
 * <p>Internal: public for {@code dev.stormproof.leak}; not part of the API.
 */
public final class JfrCapture implements AutoCloseable {

  /** Default cap of one recording: {@value} bytes. */
  static final long DEFAULT_MAX_BYTES = 32L * 1024 * 1024;

  private final Recording recording;

  private JfrCapture(Recording recording) {
    this.recording = recording;
  }

  /**
   * Starts a recording; the caller dumps or closes it.
   *
   * @param name the recording's name
   * @param maxBytes size cap; older data is dropped beyond it
   * @return the running capture
   * @throws IllegalStateException when JFR is unavailable in this JVM
   */
  public static JfrCapture start(String name, long maxBytes) {
    try {
      Recording r = new Recording(Configuration.getConfiguration("default"));
      r.setName(name);
      r.setMaxSize(maxBytes);
      r.setMaxAge(Duration.ofMinutes(10));
      r.setToDisk(true);
      r.start();
      return new JfrCapture(r);
    } catch (IOException | ParseException | IllegalStateException | SecurityException e) {
      throw new IllegalStateException("JFR recording '" + name + "' could not start: " + e
          + "; run on a JDK with JFR or set stormproof.leak.jfr=false", e);
    }
  }

  /**
   * Stops the recording, writes it, and closes it.
   *
   * @param file where to write ({@code .jfr}); parent directories are created
   * @return {@code file}
   * @throws java.io.UncheckedIOException when writing fails
   */
  public Path dump(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      recording.stop();
      recording.dump(file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("JFR dump to " + file + " failed", e);
    } finally {
      recording.close();
    }
  }

  /** Discards the recording. Idempotent. */
  @Override
  public void close() {
    recording.close();
  }
}
