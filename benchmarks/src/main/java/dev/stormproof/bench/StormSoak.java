package dev.stormproof.bench;

import dev.stormproof.device.adb.AdbDevice;
import dev.stormproof.device.adb.AdbOptions;
import dev.stormproof.device.virtual.LatencyModel;
import dev.stormproof.device.virtual.VirtualDevice;
import dev.stormproof.device.virtual.VirtualDeviceOptions;
import dev.stormproof.leak.LeakGuardSession;
import dev.stormproof.leak.LeakOptions;
import dev.stormproof.leak.Ledger;
import dev.stormproof.leak.Verdict;
import dev.stormproof.tap.RateLimitedDevice;
import dev.stormproof.tap.TapCancelledException;
import dev.stormproof.tap.TapMetrics;
import dev.stormproof.tap.TapOptions;
import dev.stormproof.tap.TapRejectedException;
import dev.stormproof.tasks.Task;
import dev.stormproof.tasks.TaskScope;
import dev.stormproof.tasks.TaskScopeOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * The storm soak: {@code --tasks} producers (forked in a {@link TaskScope}) tap as fast as they
 * can through one {@link RateLimitedDevice} (the TapQueue at {@code --rate} taps/s) on the
 * embedded virtual device with its phone-like latency model, reached over dadb (touch backend
 * chosen automatically: the raw input-event channel). The {@code --seconds} of storm are split
 * into {@code --rounds} rounds; each round connects, storms, cancels what is still queued, joins
 * every producer and disconnects, and the {@link LeakGuardSession} judges it (the first
 * {@code --warmup-rounds} are warm-up). The device's tap log is the ground truth: every
 * acknowledged tap delivered exactly once, no cancelled tap delivered, nothing unexpected.
 *
 * Taps that fail with an exception are not lost (the producer saw the exception) but fail the
 * soak too: a healthy device under a storm must not fail taps.
 *
 * <p>Writes {@code soak.tsv} (summary) and {@code soak-series.csv} (one sample a second: RSS,
 * glibc in-use native bytes, javacpp pointers, threads, taps) into {@code --out}. Exit status 1
 * on any leak verdict or lost, duplicated, unexpected, cancelled-but-delivered or failed tap.
 *
 * <p>Options (defaults): {@code --tasks 300 --rate 20 --seconds 60 --rounds 4 --warmup-rounds 1
 * --out benchmarks/target/results}.
 */
public final class StormSoak {
  private StormSoak() {
  }

  public static void main(String[] argv) throws Exception {
    Args a = new Args(argv, Map.of("tasks", "300", "rate", "20", "seconds", "60", "rounds", "4",
        "warmup-rounds", "1", "out", "benchmarks/target/results"));
    int tasks = a.integer("tasks");
    double rate = Double.parseDouble(a.get("rate"));
    int rounds = a.integer("rounds");
    int warmupRounds = a.integer("warmup-rounds");
    if (rounds <= warmupRounds) {
      throw new IllegalArgumentException("--rounds " + rounds + " must exceed --warmup-rounds " + warmupRounds
          + " so that at least one round is judged; for example --rounds 4 --warmup-rounds 1");
    }
    Duration round = Duration.ofMillis(a.integer("seconds") * 1000L / rounds);
    Path out = a.path("out");
    Files.createDirectories(out);

    Map<String, String> summary = new LinkedHashMap<>();
    summary.put("configured", tasks + " producers, " + rate + " taps/s, " + a.get("seconds") + " s in "
        + rounds + " rounds (" + warmupRounds + " warm-up) of " + round.toMillis() / 1000.0 + " s");
    List<String> failures = new ArrayList<>();
    List<String> leakVerdicts = new ArrayList<>();
    List<String> rates = new ArrayList<>();
    List<String> waits = new ArrayList<>();
    TapLedger taps = new TapLedger();
    Ledger ledger = new Ledger();
    List<String> ignored = new ArrayList<>(LeakOptions.DEFAULT_IGNORED_THREADS);
    // The embedded device plays the phone: its threads are not the code under test.
    ignored.add("stormproof-vdev-.*");
    ignored.add("stormproof-soak-sampler");
    LeakOptions leakOptions = LeakOptions.DEFAULTS.withWarmup(warmupRounds).withIgnoredThreads(ignored);
    long delivered = 0;
    long stormNanos = 0;
    String backend = "?";

    try (VirtualDevice vd = new VirtualDevice(VirtualDeviceOptions.defaults().withLatency(LatencyModel.phone())).start();
        SoakSampler sampler = new SoakSampler(() -> vd.tapLog().count());
        LeakGuardSession guard = new LeakGuardSession("storm-soak", leakOptions, ledger)) {
      for (int r = 1; r <= rounds; r++) {
        String owner = "soak-round-" + r;
        guard.iterationStarted(owner);
        sampler.phase(owner);
        long before = vd.tapLog().count();
        long t0 = System.nanoTime();
        TapMetrics m;
        try (AdbDevice device = AdbDevice.direct("127.0.0.1", vd.port(), AdbOptions.defaults());
            RateLimitedDevice limited = RateLimitedDevice.owning(device,
                TapOptions.defaults().withRate(rate).withCapacity(Math.max(TapOptions.DEFAULT_CAPACITY, 2 * tasks)))) {
          m = storm(limited, tasks, round, owner, ledger, taps);
          backend = device.touchBackend();
        }
        stormNanos += System.nanoTime() - t0;
        delivered += vd.tapLog().count() - before;
        rates.add(String.format(Locale.ROOT, "%.2f", m.tapsPerSecond()));
        waits.add(m.waitP50().toMillis() + "/" + m.waitP99().toMillis());
        sampler.phase(owner + " closed");
        Verdict v = guard.iterationFinished(owner, owner, false);
        leakVerdicts.add(r + ": " + v.outcome());
        if (v.leaked()) {
          failures.add("round " + r + " leaked");
          Files.writeString(out.resolve("soak-leak-round-" + r + ".txt"), v.report().text());
        }
      }
      sampler.phase("end");
      String threadsAtEnd = threadNames();
      TapLedger.Check c = taps.check(vd.tapLog().snapshot());
      if (vd.tapLog().count() > vd.tapLog().capacity()) {
        failures.add("tap log overflowed its capacity " + vd.tapLog().capacity() + ": raise it to check every tap");
      }
      if (!c.clean()) {
        failures.add("taps: " + c);
      }
      if (c.failed() > 0) {
        // Typed and reported, so not lost; but a storm on a healthy device must not fail taps.
        failures.add(c.failed() + " taps failed with an exception (see 'failed taps by kind')");
      }
      double achieved = delivered / (stormNanos / 1e9);
      summary.put("touch backend", backend + " (virtual device latency model: phone)");
      summary.put("taps/s achieved (delivered / storm time, incl. connect and drain)",
          String.format(Locale.ROOT, "%.2f of %.1f configured", achieved, rate));
      summary.put("taps/s per round (TapQueue metrics, first to last delivery)", String.join(", ", rates));
      summary.put("rate error, judged rounds (worst)", worstError(rates.subList(warmupRounds, rates.size()), rate));
      summary.put("queue wait p50/p99 ms per round", String.join(", ", waits)
          + " (" + tasks + " producers keep the queue full: waits are back-pressure by design)");
      summary.put("taps acknowledged / delivered (tap log)", c.acknowledged() + " / " + c.delivered());
      summary.put("lost / duplicated / unexpected / cancelled-but-delivered",
          c.lost() + " / " + c.duplicated() + " / " + c.unexpected() + " / " + c.cancelledButDelivered());
      summary.put("cancelled at round end / rejected / failed", c.cancelled() + " / " + c.rejected() + " / " + c.failed());
      summary.put("failed taps by kind", taps.failureKinds());
      summary.put("leak guard verdict per round", String.join(", ", leakVerdicts));
      summary.putAll(series(sampler.samples()));
      summary.put("live threads at end, by name (the virtual device's idle stream workers linger 30 s)", threadsAtEnd);
      Files.writeString(out.resolve("soak-series.csv"), sampler.csv());
    }
    summary.put("result", failures.isEmpty() ? "PASS" : "FAIL: " + String.join("; ", failures));
    StringBuilder tsv = new StringBuilder();
    summary.forEach((k, v) -> tsv.append(k).append('\t').append(v.replace('\t', ' ')).append('\n'));
    Files.writeString(out.resolve("soak.tsv"), tsv);
    System.out.print(tsv);
    System.exit(failures.isEmpty() ? 0 : 1);
  }

  /** One round: producers tap until the round ends, then queued taps are cancelled and all joined. */
  private static TapMetrics storm(RateLimitedDevice device, int tasks, Duration round, String owner, Ledger ledger,
      TapLedger taps) throws InterruptedException {
    long end = System.nanoTime() + round.toNanos();
    TaskScopeOptions options = TaskScopeOptions.DEFAULTS.withSites(false);
    try (TaskScope scope = TaskScope.open(owner, owner, ledger, options)) {
      for (int i = 0; i < tasks; i++) {
        scope.fork(() -> {
          while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
            long id = taps.nextId();
            try {
              device.tap(TapLedger.point(id));
              taps.record(id, TapLedger.Fate.ACKNOWLEDGED);
            } catch (TapCancelledException e) {
              taps.record(id, TapLedger.Fate.CANCELLED);
            } catch (TapRejectedException e) {
              taps.record(id, TapLedger.Fate.REJECTED);
            } catch (RuntimeException e) {
              taps.failed(id, e);
            }
          }
        });
      }
      Awaitility.await("producers of " + owner + " past the round end").atMost(round.plusSeconds(30))
          .pollInterval(Duration.ofMillis(50)).until(() -> System.nanoTime() >= end);
      // Producers still blocked on a queued tap would wait for the whole queue to drain: cancel
      // their taps (as the end of a test does) until every producer has seen the round end.
      List<Task<?>> all = scope.tasks();
      Awaitility.await("producers of " + owner + " stopped").atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(20)).until(() -> {
            device.queue().cancel(owner);
            return all.stream().allMatch(Task::isDone);
          });
      scope.join();
      return device.queue().metrics();
    }
  }

  private static String threadNames() {
    Map<String, Integer> byName = new java.util.TreeMap<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      byName.merge(t.getName().replaceAll("\\d+", "N"), 1, Integer::sum);
    }
    StringBuilder b = new StringBuilder();
    byName.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(v).append(" x ").append(k));
    return b.toString();
  }

  private static String worstError(List<String> rates, double configured) {
    double worst = 0;
    for (String r : rates) {
      worst = Math.max(worst, Math.abs(Double.parseDouble(r) - configured) / configured);
    }
    return String.format(Locale.ROOT, "%.2f%%", worst * 100);
  }

  private static Map<String, String> series(List<SoakSampler.Sample> samples) {
    Map<String, String> m = new LinkedHashMap<>();
    SoakSampler.Sample first = samples.get(0);
    SoakSampler.Sample last = samples.get(samples.size() - 1);
    m.put("samples", Integer.toString(samples.size()));
    m.put("RSS MB first / max / last", mb(first.rssBytes()) + " / "
        + mb(samples.stream().mapToLong(SoakSampler.Sample::rssBytes).max().orElse(0)) + " / " + mb(last.rssBytes()));
    m.put("native in-use MB (mallinfo2) first / max / last", first.nativeBytes() < 0 ? "n/a (no glibc mallinfo2)"
        : mb(first.nativeBytes()) + " / " + mb(samples.stream().mapToLong(SoakSampler.Sample::nativeBytes).max().orElse(0))
            + " / " + mb(last.nativeBytes()));
    m.put("javacpp pointers first / last", first.javacppPointers() + " / " + last.javacppPointers());
    m.put("JVM threads first / max / last", first.threads() + " / "
        + samples.stream().mapToInt(SoakSampler.Sample::threads).max().orElse(0) + " / " + last.threads());
    return m;
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
  }
}
