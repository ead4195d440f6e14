package dev.stormproof.vision;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.stormproof.device.Device;
import dev.stormproof.device.Point;
import dev.stormproof.device.Screenshot;
import dev.stormproof.device.Size;
import dev.stormproof.leak.Ledger;
import dev.stormproof.report.ReportSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scoped vision context of one test (or one {@code main}): captures frames from its
 * {@link Device}, finds templates on them, waits, and taps through the same device (the JUnit
 * layer passes the rate-limited one).
 *
 * <p>Ownership: every native buffer it creates (frames, score maps, temporaries) is recorded in
 * the {@link Ledger} under {@code owner} and freed by {@link #close()} at the latest; calls from
 * any thread allocate into per-call scopes recorded under the same owner. Templates live in a
 * {@link TemplateLibrary} (shared and longer-lived, or private and closed with this Vision).
 *
 * <p>Thread-safe. {@link #close()} refuses new calls, waits for calls in flight, then frees;
 * any later call (or use of one of its {@link Frame}s) throws {@link IllegalStateException}.
 * Waits poll with Awaitility in the calling thread ({@code pollInSameThread}: javacpp scopes
 * are thread-local) and fail with {@link TemplateNotFoundError} / {@link
 * TemplateStillVisibleError}, attaching evidence through the {@link ReportSink}.
 *
 * <p>Under JUnit, {@code @OnDevice} injects one per test and closes it after the test:
 * <pre>{@code
 * @OnDevice
 * class ShopTest {
 *   @Test
 *   void buysTheSword(Vision vision) {
 *     vision.tap("arena/shop.png");              // waits until visible, then taps its centre
 *     vision.tap("arena/buy.png");
 *     vision.waitFor("arena/purchased.png");     // fails with evidence after the timeout
 *   }
 * }
 * }</pre>
 * Template paths are relative to the templates root on the test class path
 * ({@code src/test/resources/templates} by default, see {@link VisionOptions}).
 */
public final class Vision implements AutoCloseable {

  private static final int SPARE_FRAMES = 2;

  private final Device device;
  private final TemplateLibrary library;
  private final boolean ownsLibrary;
  final VisionOptions options;
  private final Ledger ledger;
  private final String owner;
  final ReportSink report;
  private final Gate gate;
  private final Cache<ResultKey, Matcher.Result> results;
  private final Set<Frame> liveFrames = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedDeque<Frame.Buffers> spareFrames = new ConcurrentLinkedDeque<>();
  private final ConcurrentLinkedDeque<Workspace> workspaces = new ConcurrentLinkedDeque<>();
  private final AtomicLong searches = new AtomicLong();
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong frames = new AtomicLong();
  private final ScreenText text = new ScreenText(this);
  private volatile TextOptions textOptions = TextOptions.defaults();
  private TextEngine textEngine; // guarded by this; freed in close()

  private record ResultKey(long frameHash, int width, int height, String template, Region region,
      double minScale, double maxScale, boolean color, boolean all, double threshold) {}

  private Vision(Device device, TemplateLibrary library, boolean ownsLibrary, VisionOptions options,
      Ledger ledger, String owner, ReportSink report) {
    this.device = device;
    this.library = library;
    this.ownsLibrary = ownsLibrary;
    this.options = options;
    this.ledger = ledger;
    this.owner = owner;
    this.report = report;
    this.gate = new Gate(name(), ledger, owner);
    Caffeine<Object, Object> b = Caffeine.newBuilder().softValues();
    this.results = b.maximumSize(options.resultCacheSize()).build();
  }

  /**
   * A Vision with a private {@link TemplateLibrary} reading templates from the context class
   * loader (closed with this Vision); for plain {@code main} programs. The caller closes it.
   *
   * @param device captures frames and receives taps
   * @param options search defaults and the templates root
   * @param ledger records every native buffer for leak checks
   * @param owner names this Vision's buffers in the ledger and in messages
   * @param report receives failure evidence and events
   * @return the Vision
   */
  public static Vision open(Device device, VisionOptions options, Ledger ledger, String owner, ReportSink report) {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    TemplateLibrary lib = TemplateLibrary.open(cl != null ? cl : Vision.class.getClassLoader(), options,
        ledger, owner + "/templates");
    return new Vision(device, lib, true, options, ledger, owner, report);
  }

  /**
   * A Vision using a shared, longer-lived library (not closed by this Vision). The caller closes
   * the Vision.
   *
   * @param device captures frames and receives taps
   * @param library where templates are loaded and cached
   * @param options search defaults
   * @param ledger records every native buffer for leak checks
   * @param owner names this Vision's buffers in the ledger and in messages
   * @param report receives failure evidence and events
   * @return the Vision
   */
  public static Vision open(Device device, TemplateLibrary library, VisionOptions options, Ledger ledger,
      String owner, ReportSink report) {
    return new Vision(device, library, false, options, ledger, owner, report);
  }

  /**
   * A Vision without a device, for recorded screens: frames come from {@link #frame(Screenshot)};
   * {@link #capture()}, waits and taps throw {@link IllegalStateException}.
   *
   * @param library the templates (not closed by this Vision)
   * @param options the search settings
   * @param ledger where native buffers are recorded
   * @param owner the ledger owner of this Vision's buffers
   * @param report where events go
   * @return the Vision; close it to free its frames
   */
  public static Vision offline(TemplateLibrary library, VisionOptions options, Ledger ledger, String owner,
      ReportSink report) {
    return new Vision(null, library, false, options, ledger, owner, report);
  }

  String name() {
    return "Vision of " + owner;
  }

  Ledger ledger() {
    return ledger;
  }

  String owner() {
    return owner;
  }

  /** @return the search defaults of this Vision */
  public VisionOptions options() {
    return options;
  }

  Gate.Call enter(String operation) {
    return gate.enter(operation);
  }

  boolean gateClosed() {
    return gate.isClosed();
  }

  /**
   * The template at {@code path} under the templates root, with no per-template options.
   *
   * @param path relative to the templates root, for example {@code arena/shop.png}
   * @return the template (decoded once, then cached by the library)
   * @throws TemplateException when the file is missing or not a readable image
   * @throws IllegalStateException when this Vision is closed
   */
  public Template template(String path) {
    if (gate.isClosed()) {
      throw gate.closedError("template(\"" + path + "\")");
    }
    return library.template(path);
  }

  /**
   * Captures the screen now. The frame is owned by this Vision and freed by {@link #close()} at
   * the latest; close it early to reuse its memory.
   *
   * @return the frame
   * @throws dev.stormproof.device.DeviceException when the capture failed
   * @throws IllegalStateException when this Vision is closed
   */
  public Frame capture() {
    if (gate.isClosed()) {
      throw gate.closedError("capture()"); // fail before the device round trip
    }
    Screenshot shot = needDevice("capture()").screenshot(); // device I/O outside the gate: close need not wait for it
    return frame(shot, "capture()");
  }

  /**
   * A frame of {@code shot} (a recorded screen, or one captured elsewhere), owned by this Vision
   * like a captured one.
   *
   * @param shot the pixels, copied
   * @return the frame; close it early to reuse its memory
   */
  public Frame frame(Screenshot shot) {
    if (gate.isClosed()) {
      throw gate.closedError("frame(Screenshot)");
    }
    return frame(shot, "frame(Screenshot)");
  }

  private Device needDevice(String operation) {
    if (device == null) {
      throw new IllegalStateException(name() + " has no device, so " + operation + " cannot run: open it with "
          + "Vision.open(device, ...), or search frames made with frame(Screenshot)");
    }
    return device;
  }

  private Frame frame(Screenshot shot, String operation) {
    try (Gate.Call call = gate.enter(operation)) {
      Frame.Buffers spare = spareFrames.poll();
      Frame.Buffers buffers = spare != null ? spare : new Frame.Buffers();
      Frame f;
      try {
        f = new Frame(this, call, shot, buffers);
      } catch (RuntimeException | Error e) {
        buffers.close(); // neither live nor spare: free them here or nobody will
        throw e;
      }
      liveFrames.add(f);
      frames.incrementAndGet();
      return f;
    }
  }

  void recycle(Frame frame, Frame.Buffers buffers) {
    liveFrames.remove(frame);
    if (!gate.isClosed() && spareFrames.size() < SPARE_FRAMES) {
      spareFrames.push(buffers);
      // close() may have drained the spares between our check and the push: free them then.
      if (gate.isClosed() && spareFrames.remove(buffers)) {
        buffers.close();
      }
    } else {
      buffers.close();
    }
  }

  /**
   * Like {@link #find(Template)} for {@code template(path)}.
   *
   * @param path relative to the templates root
   * @return the best match, or empty when none reaches the threshold
   */
  public Optional<Match> find(String path) {
    return find(template(path));
  }

  /**
   * The best match on a fresh frame at or above the threshold (and colour check), if any. Does
   * not wait.
   *
   * @param template what to look for
   * @return the best match, or empty when none reaches the threshold
   * @throws dev.stormproof.device.DeviceException when the capture failed
   * @throws IllegalStateException when this Vision is closed
   */
  public Optional<Match> find(Template template) {
    try (Frame f = capture()) {
      return find(template, f);
    }
  }

  /**
   * The best match on {@code frame}, which must have been captured by this Vision. Repeated
   * searches of one frame are answered from the result cache.
   *
   * @param template what to look for
   * @param frame an open frame of this Vision
   * @return the best match, or empty when none reaches the threshold
   * @throws IllegalArgumentException when the frame belongs to another Vision
   * @throws IllegalStateException when this Vision or the frame is closed
   */
  public Optional<Match> find(Template template, Frame frame) {
    return Outcome.accepted(template, search(template, frame, false), options);
  }

  /**
   * Like {@link #findAll(Template)} for {@code template(path)}.
   *
   * @param path relative to the templates root
   * @return the matches, best first; empty when none
   */
  public List<Match> findAll(String path) {
    return findAll(template(path));
  }

  /**
   * Every non-overlapping match on a fresh frame (IoU &gt; 0.3 suppressed), best first, at most
   * {@link VisionOptions#maxResults()}. Does not wait.
   *
   * @param template what to look for
   * @return the matches, best first; empty when none
   * @throws dev.stormproof.device.DeviceException when the capture failed
   * @throws IllegalStateException when this Vision is closed
   */
  public List<Match> findAll(Template template) {
    try (Frame f = capture()) {
      return findAll(template, f);
    }
  }

  /**
   * Every non-overlapping match on {@code frame}, which must have been captured by this Vision.
   *
   * @param template what to look for
   * @param frame an open frame of this Vision
   * @return the matches, best first; empty when none
   * @throws IllegalArgumentException when the frame belongs to another Vision
   * @throws IllegalStateException when this Vision or the frame is closed
   */
  public List<Match> findAll(Template template, Frame frame) {
    return Outcome.all(template, search(template, frame, true), options);
  }

  /**
   * Whether the template is visible now. Does not wait.
   *
   * @param path relative to the templates root
   * @return true when {@link #find(String)} finds it
   */
  public boolean exists(String path) {
    return find(path).isPresent();
  }

  /**
   * Whether the template is visible now. Does not wait.
   *
   * @param template what to look for
   * @return true when {@link #find(Template)} finds it
   */
  public boolean exists(Template template) {
    return find(template).isPresent();
  }

  /**
   * Like {@link #waitFor(Template)} for {@code template(path)}.
   *
   * @param path relative to the templates root
   * @return the first match found
   * @throws TemplateNotFoundError when it did not appear in time
   */
  public Match waitFor(String path) {
    return waitFor(template(path));
  }

  /**
   * Waits until visible, polling in the calling thread, for the template's timeout (else the
   * Vision's default).
   *
   * @param template what to wait for
   * @return the first match found
   * @throws TemplateNotFoundError when it did not appear in time; evidence is attached to the report
   */
  public Match waitFor(Template template) {
    return awaitAll(List.of(Expectation.visible(template))).get(0).orElseThrow();
  }

  /**
   * Like {@link #waitVanish(Template)} for {@code template(path)}.
   *
   * @param path relative to the templates root
   * @throws TemplateStillVisibleError when it was still visible at the timeout
   */
  public void waitVanish(String path) {
    waitVanish(template(path));
  }

  /**
   * Waits until not visible, for the template's timeout (else the Vision's default).
   *
   * @param template what must disappear
   * @throws TemplateStillVisibleError when it was still visible at the timeout
   */
  public void waitVanish(Template template) {
    awaitAll(List.of(Expectation.absent(template)));
  }

  /**
   * Like {@link #tap(Template)} for {@code template(path)}.
   *
   * @param path relative to the templates root
   * @return the match that was tapped
   * @throws TemplateNotFoundError when it did not appear in time
   */
  public Match tap(String path) {
    return tap(template(path));
  }

  /**
   * Waits until visible, then taps its centre once through the device (rate-limited under JUnit).
   *
   * @param template what to tap
   * @return the match that was tapped
   * @throws TemplateNotFoundError when it did not appear in time
   * @throws dev.stormproof.device.DeviceException when the tap could not be delivered
   */
  public Match tap(Template template) {
    return step("tap " + template.path(), () -> {
      Match m = waitFor(template);
      needDevice("tap(" + template.path() + ")").tap(m.center());
      return m;
    });
  }

  /** Runs {@code body} as a report step; device and vision calls throw only unchecked exceptions. */
  <T> T step(String name, java.util.concurrent.Callable<T> body) {
    try {
      return report.step(name, body);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("report step '" + name + "' failed: " + e, e);
    }
  }

  /**
   * Waits for every expectation at once: one frame per poll cycle, every pending expectation
   * checked on it; each resolves on its own and fails at its own timeout.
   *
   * @param expectations what must be visible or absent, each with its own timeout
   * @return per expectation, in order: the match (visible ones) or empty (absent ones)
   * @throws TemplateNotFoundError for the first visible expectation that timed out
   * @throws TemplateStillVisibleError for the first absent expectation that timed out
   */
  public List<Optional<Match>> awaitAll(List<Expectation> expectations) {
    return new Waiter(this, expectations).run();
  }

  /**
   * Counters so far: searches, result-cache hit rate, frames, template cache.
   *
   * @return a snapshot of the counters
   */
  public VisionStats stats() {
    CacheStats t = library.stats();
    return new VisionStats(searches.get(), hits.get(), frames.get(), t.hitCount(), t.missCount(), t.evictionCount());
  }

  /** Runs the search (or answers it from the result cache). Package-private for the waiter. */
  Matcher.Result search(Template template, Frame frame, boolean all) {
    double base = options.baseScale(frame.width(), frame.height());
    Matcher.Spec spec = new Matcher.Spec(template.threshold(options), template.region(),
        template.minScale(options) * base, template.maxScale(options) * base, template.colorCheck(),
        options.colorTolerance(), all, options.maxResults());
    ResultKey key = new ResultKey(frame.hash(), frame.width(), frame.height(), template.path(), spec.region(),
        spec.minScale(), spec.maxScale(), spec.colorCheck(), all, all ? spec.threshold() : 0);
    searches.incrementAndGet();
    try (Gate.Call call = gate.enter("searching " + template.path());
        Gate.Call use = frame.use("searching " + template.path())) {
      checkOwn(frame);
      Matcher.Result cached = options.resultCacheSize() > 0 ? results.getIfPresent(key) : null;
      if (cached != null) {
        hits.incrementAndGet();
        return cached;
      }
      TemplateImage image = template.library().acquire(template.path());
      Workspace ws = workspaces.poll();
      try {
        Matcher.Result r = Matcher.search(frame, image, spec, ws != null ? ws : (ws = new Workspace()), call.scope);
        if (options.resultCacheSize() > 0) {
          results.put(key, r);
        }
        return r;
      } finally {
        workspaces.push(ws);
        image.release();
      }
    }
  }

  /**
   * Every place the matcher weighed for {@code template} on {@code frame}, best first, each with
   * its colour distance, so a caller sees the runner-up and whether colour tells it apart. Gray
   * only, unless the template has its colour check: then, as in {@link #find}, look-alikes of
   * another colour are dropped during the search (a wrong-colour one is kept only when nothing
   * else is left). The template's region and scales apply; its threshold does not filter. Not cached.
   *
   * @param template what to look for
   * @param frame a frame of this Vision
   * @return at least one candidate, best first, none overlapping a better one by more than half
   */
  public List<Candidate> candidates(Template template, Frame frame) {
    return Weigher.candidates(this, template, frame);
  }

  /**
   * The score map of {@code template} on {@code frame} as a PNG heat map (red = high), at the
   * pyramid level and scale of the best candidate, the one the matcher searched coarsely.
   *
   * @param template what to look for
   * @param frame a frame of this Vision
   * @return PNG bytes, smaller than the frame by the level's factor
   */
  public byte[] heatmap(Template template, Frame frame) {
    return Weigher.heatmap(this, template, frame);
  }

  /** A scratch workspace for one search; give it back with {@link #returnWorkspace}. */
  Workspace takeWorkspace() {
    Workspace ws = workspaces.poll();
    return ws != null ? ws : new Workspace();
  }

  void returnWorkspace(Workspace ws) {
    workspaces.push(ws);
  }

  void countSearch() {
    searches.incrementAndGet();
  }

  void checkOwn(Frame frame) {
    if (!liveFrames.contains(frame)) {
      throw new IllegalArgumentException(frame + " was captured by another Vision: search it with that Vision");
    }
  }

  /** Attaches failure evidence for {@code template} on {@code frame}; never throws. */
  void attachEvidence(Template template, Frame frame, Matcher.Result result) {
    try (Gate.Call call = gate.enter("attaching evidence");
        Gate.Call use = frame.use("attaching evidence")) {
      TemplateImage image = template.library().acquire(template.path());
      try {
        Matcher.Candidate best = result.candidates().isEmpty() ? null : result.candidates().get(0);
        Evidence.attach(report, frame, image, best, result, template.threshold(options), call.scope);
      } finally {
        image.release();
      }
    } catch (RuntimeException e) {
      report.event("could not attach evidence for " + template.path() + ": " + e);
    }
  }

  Device device() {
    return device;
  }

  /**
   * Reading text and numbers on this Vision's screen (OCR).
   *
   * @return the text reader, sharing this Vision's frames, timeouts and native scope
   */
  public ScreenText text() {
    return text;
  }

  /**
   * Sets where trained data comes from; takes effect before the first text read.
   *
   * @param options OCR settings
   * @return this Vision
   */
  public Vision textOptions(TextOptions options) {
    this.textOptions = java.util.Objects.requireNonNull(options, "options");
    return this;
  }

  /** The engine, loaded on first use inside a call (moved out of its scope, freed by close). */
  synchronized TextEngine textEngine(LedgerScope scope) {
    if (textEngine == null) {
      textEngine = TextEngine.open(textOptions, scope);
    }
    return textEngine;
  }

  /**
   * Frees every native buffer of this Vision (frames, score maps; the private template library)
   * after calls in flight finish. Idempotent. Called by the JUnit layer in afterEach.
   */
  @Override
  public void close() {
    if (gate.isClosed()) {
      return;
    }
    boolean freed = gate.close(Duration.ofSeconds(30), () -> {
      for (Frame f : new ArrayList<>(liveFrames)) {
        f.close();
      }
      Frame.Buffers b;
      while ((b = spareFrames.poll()) != null) {
        b.close();
      }
      Workspace w;
      while ((w = workspaces.poll()) != null) {
        w.close();
      }
      results.invalidateAll();
      synchronized (this) {
        if (textEngine != null) {
          textEngine.close();
        }
      }
    });
    if (ownsLibrary) {
      library.close();
    }
    if (!freed) {
      report.event(name() + ": calls still running 30s after close(); their native buffers stay live in the ledger");
    }
  }

  /**
   * Screen size of the device, for callers that build regions.
   *
   * @return the size in physical pixels
   * @throws dev.stormproof.device.DeviceException when the device cannot be asked
   */
  public Size screenSize() {
    return needDevice("screenSize()").screenSize();
  }
}
