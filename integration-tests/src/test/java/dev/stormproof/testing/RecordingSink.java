package dev.stormproof.testing;

import dev.stormproof.report.ReportSink;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link ReportSink} that keeps everything it is told, for assertions. Create one per test and
 * pass it where a sink is taken, or read {@link #registered()}: the instance that the
 * ServiceLoader-registered {@link Registered} (see {@code META-INF/services}) records into for the
 * whole test JVM (events, attachments and labels; not steps), so tests reading it {@link #clear()}
 * it first. Thread-safe.
 */
public final class RecordingSink implements ReportSink {

  /** One attachment as received. */
  public record Attachment(String name, String mimeType, String extension, byte[] content) {

    /** {@code name [mimeType]}. */
    public String summary() {
      return name + " [" + mimeType + "]";
    }
  }

  private static final RecordingSink REGISTERED = new RecordingSink();

  /** Step names as each step ends: {@code name [passed]} or, when its body throws, {@code name [failed]}. */
  public final List<String> steps = new CopyOnWriteArrayList<>();
  public final List<String> events = new CopyOnWriteArrayList<>();
  public final List<Attachment> attachments = new CopyOnWriteArrayList<>();
  /** Labels (and parameters) as {@code name=value}. */
  public final List<String> labels = new CopyOnWriteArrayList<>();

  /** What the registered sink has recorded in this JVM. */
  public static RecordingSink registered() {
    return REGISTERED;
  }

  @Override
  public <T> T step(String name, Callable<T> body) throws Exception {
    try {
      T result = body.call();
      steps.add(name + " [passed]");
      return result;
    } catch (Exception | Error e) {
      steps.add(name + " [failed]");
      throw e;
    }
  }

  @Override
  public void event(String name) {
    events.add(name);
  }

  @Override
  public void attach(String name, String mimeType, String extension, byte[] content) {
    attachments.add(new Attachment(name, mimeType, extension, content));
  }

  @Override
  public void label(String name, String value) {
    labels.add(name + "=" + value);
  }

  /** Forgets everything recorded so far. */
  public void clear() {
    steps.clear();
    events.clear();
    attachments.clear();
    labels.clear();
  }

  /** The sink ServiceLoader creates for the framework's tests: records into {@link #registered()}, except steps. */
  public static final class Registered implements ReportSink {

    /** Runs the body without recording it: no registered-sink reader asserts steps, and a JVM-wide
     * copy-on-write list of every step of every test would only churn memory under the leak guard. */
    @Override
    public <T> T step(String name, Callable<T> body) throws Exception {
      return body.call();
    }

    @Override
    public void event(String name) {
      REGISTERED.event(name);
    }

    @Override
    public void attach(String name, String mimeType, String extension, byte[] content) {
      REGISTERED.attach(name, mimeType, extension, content);
    }

    @Override
    public void label(String name, String value) {
      REGISTERED.label(name, value);
    }
  }
}
