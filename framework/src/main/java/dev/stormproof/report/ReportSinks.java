package dev.stormproof.report;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;

/**
 * Discovers every {@link ReportSink} on the class path once per class loader and fans calls out
 * to all of them. With none on the class path, reporting is a no-op and steps simply run.
 * Thread-safe when its sinks are.
 *
 * <p>Internal: public for the benchmarks module and Stormproof's other modules; not part of the API.
 */
public final class ReportSinks implements ReportSink {

  private final List<ReportSink> sinks;

  private ReportSinks(List<ReportSink> sinks) {
    this.sinks = List.copyOf(sinks);
  }

  /**
   * The sinks found by {@link ServiceLoader}.
   *
   * @param loader where to look
   * @return a fan-out over them, possibly empty
   */
  public static ReportSinks discover(ClassLoader loader) {
    List<ReportSink> found = new ArrayList<>();
    ServiceLoader.load(ReportSink.class, loader).forEach(found::add);
    return new ReportSinks(found);
  }

  /**
   * Sinks fixed by the caller (tests, plain {@code main} programs).
   *
   * @param sinks called in this order
   * @return a fan-out over them
   */
  public static ReportSinks of(ReportSink... sinks) {
    return new ReportSinks(List.of(sinks));
  }

  /** @return true when there is no sink */
  public boolean isEmpty() {
    return sinks.isEmpty();
  }

  @Override
  public <T> T step(String name, Callable<T> body) throws Exception {
    return nest(0, name, body);
  }

  // Each sink wraps the next so every sink sees the same step boundaries.
  private <T> T nest(int index, String name, Callable<T> body) throws Exception {
    if (index == sinks.size()) {
      return body.call();
    }
    return sinks.get(index).step(name, () -> nest(index + 1, name, body));
  }

  @Override
  public void event(String name) {
    sinks.forEach(s -> s.event(name));
  }

  @Override
  public void attach(String name, String mimeType, String extension, byte[] content) {
    sinks.forEach(s -> s.attach(name, mimeType, extension, content));
  }

  @Override
  public void label(String name, String value) {
    sinks.forEach(s -> s.label(name, value));
  }

  @Override
  public void parameter(String name, String value) {
    sinks.forEach(s -> s.parameter(name, value));
  }
}
