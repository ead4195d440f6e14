package dev.stormproof.tap;

import dev.stormproof.device.Point;
import dev.stormproof.device.Screenshot;
import dev.stormproof.device.Size;
import dev.stormproof.report.Pictures;
import dev.stormproof.report.ReportSink;
import dev.stormproof.report.ScreenMemory;
import dev.stormproof.report.StepMode;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How one test's device actions reach its report. On the test's own thread each action (tap,
 * swipe, long press, text, key, app start and stop) is a step, in {@link StepMode#SCREENS} with a
 * small picture of the last frame the test captured, the touch point or swipe path drawn on it
 * (no capture of its own). Taps from other threads (tasks) and queued taps are collected and
 * reported as one burst step when the test thread reports next, or at {@link #flush}. Shell
 * calls and captures are counted for {@link #counters()}, not steps. Thread-safe.
 */
public final class ActionReport {

  private static final Logger LOG = Logger.getLogger(ActionReport.class.getName());

  private final ReportSink report;
  private final StepMode mode;
  private final ScreenMemory screens;
  private final Thread testThread;
  private final TapBurst burst = new TapBurst();
  private final ConcurrentMap<String, LongAdder> shells = new ConcurrentHashMap<>();
  private final LongAdder captures = new LongAdder();
  private final LongAdder bursts = new LongAdder();
  private volatile String appPackage;

  /**
   * Creates the report of one test.
   *
   * @param report where steps go
   * @param mode how much to show
   * @param screens the test's last captured frame, for pictures
   * @param testThread the thread that runs the test: its actions are steps, others' taps bursts
   */
  public ActionReport(ReportSink report, StepMode mode, ScreenMemory screens, Thread testThread) {
    this.report = Objects.requireNonNull(report, "report");
    this.mode = Objects.requireNonNull(mode, "mode");
    this.screens = Objects.requireNonNull(screens, "screens");
    this.testThread = Objects.requireNonNull(testThread, "testThread");
  }

  /**
   * The frames the test captured.
   *
   * @return the memory given at construction
   */
  public ScreenMemory screens() {
    return screens;
  }

  void tap(Point p, Runnable deliver) {
    if (Thread.currentThread() != testThread) {
      long start = System.nanoTime();
      try {
        deliver.run();
        burst.add(p, start, System.nanoTime(), TapBurst.Result.DELIVERED);
      } catch (TapRejectedException e) {
        burst.add(p, start, System.nanoTime(), TapBurst.Result.REJECTED);
        throw e;
      } catch (TapCancelledException e) {
        burst.add(p, start, System.nanoTime(), TapBurst.Result.CANCELLED);
        throw e;
      } catch (RuntimeException | Error e) {
        burst.add(p, start, System.nanoTime(), TapBurst.Result.FAILED);
        throw e;
      }
      return;
    }
    action("tap " + p, deliver, shot -> Pictures.tap(shot, p));
  }

  void queued(Point p, CompletableFuture<Void> delivery) {
    long start = System.nanoTime();
    delivery.whenComplete((ok, failure) -> burst.add(p, start, System.nanoTime(), result(failure)));
  }

  private static TapBurst.Result result(Throwable failure) {
    Throwable t = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    if (t == null) {
      return TapBurst.Result.DELIVERED;
    }
    return t instanceof TapRejectedException ? TapBurst.Result.REJECTED
        : t instanceof java.util.concurrent.CancellationException ? TapBurst.Result.CANCELLED : TapBurst.Result.FAILED;
  }

  void action(String name, Runnable body, Function<Screenshot, byte[]> picture) {
    if (Thread.currentThread() == testThread) {
      flush(null);
    }
    if (mode == StepMode.OFF) {
      body.run();
      return;
    }
    try {
      report.step(name, () -> {
        if (mode == StepMode.SCREENS && picture != null) {
          attachPicture(name, picture);
        }
        body.run();
        return null;
      });
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      // Device actions throw only unchecked exceptions; a sink that wraps one is a sink bug.
      throw new IllegalStateException("report step '" + name + "' failed: " + e, e);
    }
  }

  private void attachPicture(String name, Function<Screenshot, byte[]> picture) {
    Screenshot shot = screens.latest().orElse(null);
    if (shot == null) {
      return;
    }
    try {
      long age = Math.max(0, (System.nanoTime() - shot.capturedAtNanos()) / 1_000_000);
      report.attach("screen " + String.format(Locale.ROOT, "%.1f", age / 1000.0) + " s before " + name.split(" ")[0],
          "image/jpeg", "jpg", picture.apply(shot));
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "no picture for step " + name, e);
    }
  }

  void appStarted(String component) {
    int slash = component.indexOf('/');
    appPackage = slash < 0 ? component : component.substring(0, slash);
  }

  /**
   * The package of the app the test started last, for its log and version.
   *
   * @return the package, or empty when the test started none
   */
  public java.util.Optional<String> appPackage() {
    return java.util.Optional.ofNullable(appPackage);
  }

  void shell(String command) {
    if (Thread.currentThread() == testThread) {
      flush(null);
    }
    String[] words = command.trim().split("\\s+", 3);
    String key = words.length >= 2 ? words[0] + " " + words[1] : words[0];
    shells.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  void captured(Screenshot shot) {
    captures.increment();
    screens.remember(shot);
  }

  /**
   * Reports the taps collected since the last step as one step: count, duration, delivered
   * rate, rejected and cancelled taps, and a heat-map of where the delivered ones landed. Call
   * it on the test thread.
   *
   * @param screen the screen size for the heat-map, or null for the last frame's size
   */
  public void flush(Size screen) {
    TapBurst.Summary s = burst.drain();
    if (s == null) {
      return;
    }
    bursts.increment();
    Screenshot last = screens.latest().orElse(null);
    Size size = screen != null ? screen : last != null ? last.size() : null;
    try {
      report.step(s.title(), () -> {
        if (size != null && !s.delivered().isEmpty()) {
          report.attach("where the taps landed", "image/jpeg", "jpg", Pictures.heatMap(size, last, s.delivered()));
        }
        return null;
      });
    } catch (Exception e) {
      LOG.log(Level.WARNING, "could not report a burst of taps", e);
    }
  }

  /**
   * The counters of this test's device use, for one attachment: shell calls per command, frames
   * captured, bursts of taps.
   *
   * @return one line per counter
   */
  public String counters() {
    StringBuilder out = new StringBuilder();
    out.append("frames captured: ").append(captures.sum()).append('\n');
    out.append("bursts of taps from tasks: ").append(bursts.sum()).append('\n');
    Map<String, Long> sorted = new TreeMap<>();
    shells.forEach((k, v) -> sorted.put(k, v.sum()));
    long total = sorted.values().stream().mapToLong(Long::longValue).sum();
    out.append("shell calls: ").append(total).append('\n');
    sorted.forEach((k, v) -> out.append("  ").append(k).append(": ").append(v).append('\n'));
    return out.toString();
  }
}
