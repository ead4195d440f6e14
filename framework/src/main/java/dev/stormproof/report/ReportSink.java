package dev.stormproof.report;

import java.util.concurrent.Callable;

/**
 * Where Stormproof reports steps, attachments and labels of the running test. Implementations
 * are discovered with {@link java.util.ServiceLoader} (see {@link ReportSinks}); the Allure sink
 * lives in the {@code stormproof-allure} artifact. All methods are called on a thread that runs
 * the test (or one of its callbacks), so an implementation may use its own per-thread notion of
 * "the current test". Implementations are thread-safe and never throw for reporting problems:
 * a failing report must not fail a test.
 *
 * <p>A sink is registered in {@code META-INF/services/dev.stormproof.report.ReportSink} and needs a
 * public no-argument constructor.
 */
public interface ReportSink {

  /**
   * Runs {@code body} as a named step; the step fails when {@code body} throws, and rethrows.
   *
   * @param <T> the body's result type
   * @param name the step's name, for example {@code tap (540, 1200)}
   * @param body the work of the step
   * @return what {@code body} returned
   * @throws Exception what {@code body} threw, unchanged
   */
  <T> T step(String name, Callable<T> body) throws Exception;

  /**
   * Records a step that already happened (for example a tap from a background task).
   *
   * @param name what happened
   */
  void event(String name);

  /**
   * Attaches bytes to the current test.
   *
   * @param name the attachment's title
   * @param mimeType for example {@code image/png}
   * @param extension file extension without dot, for example {@code png}
   * @param content the bytes; the sink may keep the array
   */
  void attach(String name, String mimeType, String extension, byte[] content);

  /**
   * Adds a label to the current test.
   *
   * @param name for example {@code device}
   * @param value for example the device's serial
   */
  void label(String name, String value);

  /**
   * Adds a parameter-like key/value shown with the test; by default a label.
   *
   * @param name the key
   * @param value the value
   */
  default void parameter(String name, String value) {
    label(name, value);
  }
}
