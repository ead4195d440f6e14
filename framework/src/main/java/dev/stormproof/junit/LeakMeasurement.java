package dev.stormproof.junit;

import dev.stormproof.diag.MemoryChart;
import dev.stormproof.diag.ThreadDump;
import dev.stormproof.leak.LeakGuardSession;
import dev.stormproof.leak.Ledger;
import dev.stormproof.leak.Owner;
import dev.stormproof.leak.Verdict;
import dev.stormproof.report.ReportSinks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One guarded iteration, stored in the test-method store. Created first (it binds the test's
 * {@link Owner} on the test thread and starts the iteration), closed last (it judges, attaches
 * the evidence and fails the test with the report as message).
 */
final class LeakMeasurement implements AutoCloseable {

  private final ExtensionContext ctx;
  private final LeakGuardSession session;
  private final Owner.Binding binding;
  private final String label;

  LeakMeasurement(ExtensionContext ctx, LeakGuardSession session) {
    this.ctx = ctx;
    this.session = session;
    this.label = ctx.getRequiredTestMethod().getName() + " " + ctx.getDisplayName();
    this.binding = Owner.bind(ctx.getUniqueId());
    session.iterationStarted(label);
  }

  boolean sites() {
    return session.options().sites();
  }

  @Override
  public void close() {
    Verdict verdict;
    try {
      verdict = session.iterationFinished(ctx.getUniqueId(), label,
          ctx.getExecutionException().isPresent());
    } finally {
      binding.close();
    }
    if (!verdict.leaked()) {
      return;
    }
    String text = verdict.report().text();
    ReportSinks sinks = ReportSinks.discover(Thread.currentThread().getContextClassLoader());
    if (!sinks.isEmpty()) {
      sinks.attach("leak report", "text/plain", "txt", text.getBytes(StandardCharsets.UTF_8));
      sinks.attach("thread dump (grouped)", "text/plain", "txt", ThreadDump.capture(t -> true,
              t -> StormproofLedger.of(ctx).find(t).map(Ledger.Entry::site).orElse(null))
          .format(session.options().stackDepth()).getBytes(StandardCharsets.UTF_8));
      sinks.attach("memory per iteration", "text/csv", "csv", session.series().toCsvBytes());
      sinks.attach("memory chart", "image/png", "png",
          MemoryChart.png(session.series(), "Memory per iteration: " + session.name()
              + " (leaked in iteration " + verdict.iteration() + ")", 900, 480));
      verdict.jfr().ifPresent(path -> {
        try {
          sinks.attach("JFR of iteration " + verdict.iteration(), "application/octet-stream",
              "jfr", Files.readAllBytes(path));
        } catch (IOException e) {
          sinks.event("JFR recording " + path + " could not be read: " + e);
        }
      });
    }
    throw new AssertionError(text);
  }
}
