package dev.stormproof.junit;

import dev.stormproof.report.ReportSink;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

/** A ReportSink found by ServiceLoader in tests: records attachments for assertions. */
public final class RecordingSink implements ReportSink {

  /** One attachment as received. */
  public record Attachment(String name, String mimeType, String extension, byte[] content) {}

  static final List<Attachment> ATTACHMENTS = new CopyOnWriteArrayList<>();

  @Override
  public <T> T step(String name, Callable<T> body) throws Exception {
    return body.call();
  }

  @Override
  public void event(String name) {}

  @Override
  public void attach(String name, String mimeType, String extension, byte[] content) {
    ATTACHMENTS.add(new Attachment(name, mimeType, extension, content));
  }

  @Override
  public void label(String name, String value) {}
}
