package dev.stormproof.allure;

import dev.stormproof.report.ReportSink;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@link ReportSink} for Allure, found by {@link java.util.ServiceLoader} when
 * {@code stormproof-allure} is on the test class path.
 *
 * <p>Steps use {@code Allure.step} lambdas, so no AspectJ agent is needed. Calls made where no
 * Allure test is running (a plain {@code main}, a pool thread that did not inherit the test's
 * context) are dropped quietly instead of logging Allure's "no test is running" error for every
 * tap. Device labels are remembered and written into {@code environment.properties} at the end
 * of the run by {@link dev.stormproof.junit.allure.AllureRunFiles}.
 *
 * <p>Thread-safe. Never throws for reporting problems: a broken report must not fail a test.
 * Adding the artifact is all it takes; users do not call it.
 */
public final class AllureReportSink implements ReportSink {

  private static final Logger LOG = Logger.getLogger(AllureReportSink.class.getName());

  /**
   * Device labels seen during the run, for the report's environment page. JVM-wide on purpose:
   * Allure's own lifecycle is JVM-wide, and the sink (a ServiceLoader instance) and the run-files
   * listener have no other object in common.
   */
  private static final ConcurrentMap<String, String> ENVIRONMENT = new ConcurrentHashMap<>();

  @Override
  public <T> T step(String name, Callable<T> body) throws Exception {
    if (!inTest()) {
      return body.call();
    }
    try {
      return Allure.step(name, body::call);
    } catch (Exception | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  @Override
  public void event(String name) {
    if (inTest()) {
      Allure.step(name);
    }
  }

  @Override
  public void attach(String name, String mimeType, String extension, byte[] content) {
    if (!inTest()) {
      return;
    }
    try {
      Allure.addAttachment(name, mimeType, new ByteArrayInputStream(content), extension);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not attach " + name + " to the Allure report", e);
    }
  }

  @Override
  public void label(String name, String value) {
    if (name.startsWith("device.")) {
      ENVIRONMENT.merge(name, value, (a, b) -> a.contains(b) ? a : a + ", " + b);
    }
    if (inTest()) {
      Allure.label(name, value);
    }
  }

  @Override
  public void parameter(String name, String value) {
    if (inTest()) {
      Allure.parameter(name, value);
    }
  }

  /** Device labels seen so far in this run, sorted by name. */
  static Map<String, String> environmentSeen() {
    return new TreeMap<>(ENVIRONMENT);
  }

  private static boolean inTest() {
    AllureLifecycle lifecycle = Allure.getLifecycle();
    return lifecycle.getCurrentTestCaseOrStep().isPresent();
  }
}
