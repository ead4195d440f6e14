package dev.stormproof.junit;

import dev.stormproof.report.ReportSink;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test sink (registered for the framework's tests only): records labels as {@code name=value}. */
public final class RecordingReportSink implements ReportSink {

  static final List<String> LABELS = new CopyOnWriteArrayList<>();

  @Override
  public <T> T step(String name, Callable<T> body) throws Exception {
    return body.call();
  }

  @Override
  public void event(String name) { }

  @Override
  public void attach(String name, String mimeType, String extension, byte[] content) { }

  @Override
  public void label(String name, String value) {
    LABELS.add(name + "=" + value);
  }
}
