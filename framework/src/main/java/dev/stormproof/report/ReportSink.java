package dev.stormproof.report;

import java.util.concurrent.Callable;

/**
 * Where Stormproof reports steps, attachments and labels of the running test. Implementations
 * are discovered with {@link java.util.ServiceLoader} (see {@link ReportSinks}); the Allure sink
 * lives in the {@code stormproof-allure} artifact. All methods are called on a thread that runs
 * the test (or one of its callbacks), so an implementation may use its own per-thread notion of
 * "the current test". Implementations are thread-safe and never throw for reporting problems:
 * a failing report must not fail a test.
 */
public interface ReportSink {

  /** Runs {@code body} as a named step; the step fails when {@code body} throws, and rethrows. */
  <T> T step(String name, Callable<T> body) throws Exception;

  /** Records a step that already happened (for example a tap from a background task). */
  void event(String name);

  /** Attaches bytes to the current test. {@code mimeType} like {@code image/png}; {@code extension} without dot. */
  void attach(String name, String mimeType, String extension, byte[] content);

  /** Adds a label (for example {@code device.serial}) to the current test. */
  void label(String name, String value);

  /** Adds a link or parameter-like key/value shown with the test. */
  default void parameter(String name, String value) {
    label(name, value);
  }
}
