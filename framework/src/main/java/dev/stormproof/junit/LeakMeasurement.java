package dev.stormproof.junit;

import dev.stormproof.diag.GrowthChart;
import dev.stormproof.diag.ThreadDump;
import dev.stormproof.leak.Growth;
import dev.stormproof.leak.LeakGuardSession;
import dev.stormproof.leak.Ledger;
import dev.stormproof.leak.Owner;
import dev.stormproof.leak.Verdict;
import dev.stormproof.report.ReportSinks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
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
    ReportSinks sinks = sinks(ctx);
    if (verdict.outcome() == Verdict.Outcome.CLEAN && !sinks.isEmpty()) {
      reportClean(sinks, verdict);
    }
    if (!verdict.leaked()) {
      return;
    }
    String text = verdict.report().text();
    if (!sinks.isEmpty()) {
      // The report's text is the failure's message (and trace): no attachment repeats it.
      List<Growth> grew = verdict.report().growth().stream().filter(Growth::exceeded).toList();
      if (!grew.isEmpty()) {
        sinks.attach("leak chart: what grew, with baseline and tolerance", "image/svg+xml", "svg",
            GrowthChart.svg(session.panels(grew, verdict.iteration()), 1.0));
      }
      sinks.attach("thread dump (grouped)", "text/plain", "txt", ThreadDump.capture(t -> true,
              t -> StormproofLedger.of(ctx).find(t).map(Ledger.Entry::site).orElse(null))
          .format(session.options().stackDepth()).getBytes(StandardCharsets.UTF_8));
      sinks.attach("memory per iteration", "text/csv", "csv", session.series().toCsvBytes());
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

  /**
   * The report sinks, discovered once per run: a ServiceLoader scan reads the class path's jars
   * (native inflaters), which every clean iteration would otherwise count as native growth.
   */
  private static ReportSinks sinks(ExtensionContext ctx) {
    return ctx.getRoot().getStore(ExtensionContext.Namespace.create("dev.stormproof.junit", "LeakMeasurement"))
        .getOrComputeIfAbsent(ReportSinks.class, k -> ReportSinks.discover(Thread.currentThread().getContextClassLoader()),
            ReportSinks.class);
  }

  /** One line and a small chart: a guarded test that passed shows that it was measured. */
  private void reportClean(ReportSinks sinks, Verdict verdict) {
    List<Growth> growth = verdict.report().growth();
    sinks.event(cleanLine(verdict.iteration(), growth));
    if (!growth.isEmpty()) {
      // SVG: text, so a clean iteration's chart allocates no native memory the guard would see.
      sinks.attach("leak guard: counters per iteration", "image/svg+xml", "svg",
          GrowthChart.svg(session.panels(growth, 0), 0.6));
    }
  }

  /** {@code clean: 3 iterations, native bytes +0.4 MiB, threads +0}. */
  static String cleanLine(int iterations, List<Growth> growth) {
    StringBuilder line = new StringBuilder("leak guard clean: ").append(iterations).append(" iterations");
    for (Growth g : growth) {
      line.append(", ").append(g.probe()).append(' ').append(g.deltaText());
    }
    return line.toString();
  }
}
