package dev.stormproof.vision;

import dev.stormproof.report.ReportSink;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event, step and attachment name (with its size) for assertions. */
final class RecordingReport implements ReportSink {
  final List<String> events = new CopyOnWriteArrayList<>();
  final List<String> steps = new CopyOnWriteArrayList<>();
  final List<String> attachments = new CopyOnWriteArrayList<>();
  final List<byte[]> contents = new CopyOnWriteArrayList<>();

  @Override
  public <T> T step(String name, Callable<T> body) throws Exception {
    steps.add(name);
    return body.call();
  }

  @Override
  public void event(String name) {
    events.add(name);
  }

  @Override
  public void attach(String name, String mimeType, String extension, byte[] content) {
    attachments.add(name + " [" + mimeType + "]");
    contents.add(content);
  }

  @Override
  public void label(String name, String value) {}
}
