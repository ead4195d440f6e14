package dev.stormproof.vision;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGBA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import dev.stormproof.device.Point;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Reads the screen like a player: the text in a region, a number, where a text is, waiting for a
 * text, tapping it. Got from {@link Vision#text()}; uses that Vision's frames, device, report,
 * timeouts and native scope (the Tesseract engine is opened on first use and freed with the
 * Vision).
 *
 * <p>Speed: OCR costs milliseconds per small region but far more for a whole screen, so give a
 * region wherever the layout is known; a region whose pixels did not change since the last
 * read is answered from a cache. Thread-safe (reads are serialised on the Vision's engine).
 */
public final class ScreenText {

  private static final double GOOD_CONFIDENCE = 80;

  private final Vision vision;
  private final TextReader reader = new TextReader();

  ScreenText(Vision vision) {
    this.vision = vision;
  }

  /**
   * The text in {@code region} of a fresh frame.
   *
   * @param region where to read
   * @return the words, joined by spaces and (between lines) newlines; empty when none were read
   * @throws IllegalArgumentException when the region lies outside the screen
   * @throws IllegalStateException when the trained data is missing (the message names the fix)
   */
  public String read(Region region) {
    try (Frame f = vision.capture()) {
      return read(region, f);
    }
  }

  /**
   * The text in {@code region} of {@code frame}.
   *
   * @param region where to read
   * @param frame a frame of this Vision
   * @return the words read; empty when none
   * @throws IllegalArgumentException when the region lies outside the screen
   */
  public String read(Region region, Frame frame) {
    TextReader.Read r = read(frame, region, "", "text",
        x -> !x.words().isEmpty() && x.confidence() >= GOOD_CONFIDENCE, false);
    vision.report.event(String.format(Locale.ROOT, "read '%s' in %s (confidence %.0f, %s%s)", r.text(), r.region(),
        r.confidence(), r.variant(), r.cached() ? ", unchanged" : ""));
    return r.text();
  }

  /**
   * The number in {@code region} of a fresh frame, Tesseract restricted to {@code style}'s characters.
   *
   * @param region where the counter is
   * @param style what a digit group looks like: {@code "1,250"}, {@code "x3"}, {@code "12:05"}
   * @return its value ({@link NumberStyle#CLOCK}: seconds)
   * @throws TextNotFoundError naming the region and what was read when it holds no such number
   * @throws IllegalArgumentException when the region lies outside the screen
   */
  public long number(Region region, NumberStyle style) {
    try (Frame f = vision.capture()) {
      return number(region, style, f);
    }
  }

  /**
   * The number in {@code region} of {@code frame}.
   *
   * @param region where the counter is
   * @param style what a digit group looks like
   * @param frame a frame of this Vision
   * @return its value
   * @throws TextNotFoundError naming the region and what was read when it holds no such number
   */
  public long number(Region region, NumberStyle style, Frame frame) {
    TextReader.Read r = read(frame, region, style.characters(), "number:" + style,
        x -> style.parse(x.text()).isPresent(), false);
    OptionalLong n = style.parse(r.text());
    if (n.isEmpty()) {
      String msg = String.format(Locale.ROOT, "no %s number in region %s: read '%s' (confidence %.0f); check the "
          + "region (the report shows it as captured and as read) or the style (PLAIN 1250, GROUPED 1,250, "
          + "MULTIPLIER x3, CLOCK 12:05)", style, r.region(), r.text(), r.confidence());
      attachEvidence(frame, r);
      vision.report.event(msg);
      throw new TextNotFoundError(msg);
    }
    vision.report.event(String.format(Locale.ROOT, "read %s number %d in %s ('%s', confidence %.0f)", style,
        n.getAsLong(), r.region(), r.text(), r.confidence()));
    return n.getAsLong();
  }

  /**
   * Where {@code text} is on the whole screen now (slow: prefer {@link #find(String, Region)}).
   *
   * @param text the words as the screen shows them
   * @return where, if read
   */
  public Optional<TextMatch> find(String text) {
    return find(text, null);
  }

  /**
   * Where {@code text} is in {@code region} now.
   *
   * @param text the words as the screen shows them (case and spacing ignored)
   * @param region where to read, or null for the whole screen
   * @return where, if read
   * @throws IllegalArgumentException when the text is empty or the region lies outside the screen
   */
  public Optional<TextMatch> find(String text, Region region) {
    TextExpectation.visible(text, region); // validates
    try (Frame f = vision.capture()) {
      return search(text, region, f).match();
    }
  }

  /**
   * Waits (default timeout) until {@code text} is in {@code region}.
   *
   * @param text the words as the screen shows them
   * @param region where to read, or null for the whole screen
   * @return where it was read
   * @throws TextNotFoundError naming the text, region, timeout and what was read instead
   */
  public TextMatch waitFor(String text, Region region) {
    return awaitAll(List.of(TextExpectation.visible(text, region))).get(0).orElseThrow();
  }

  /**
   * Waits (default timeout) until {@code text} is no longer in {@code region}.
   *
   * @param text the words as the screen shows them
   * @param region where to read, or null for the whole screen
   * @throws TextStillVisibleError naming where it was still read
   */
  public void waitVanish(String text, Region region) {
    awaitAll(List.of(TextExpectation.absent(text, region)));
  }

  /**
   * Waits until {@code text} is in {@code region}, then taps its centre.
   *
   * @param text the words as the screen shows them, for example {@code "COLLECT"}
   * @param region where to read, or null for the whole screen
   * @return where it was read and tapped
   * @throws TextNotFoundError when it did not appear within the timeout
   */
  public TextMatch tap(String text, Region region) {
    TextMatch m = waitFor(text, region);
    Point c = m.center();
    vision.device().tap(c);
    vision.report.event("tap text " + m + " at " + c);
    return m;
  }

  /**
   * Waits until the control whose text (or content description) is {@code text} is found: in the
   * app's UI tree when the device gives one, else on the screen by OCR; then taps its centre.
   * The report says which way it was found.
   *
   * @param text the control's words, for example {@code "COLLECT"}
   * @param region where to look, or null for the whole screen
   * @return where it was found and tapped
   * @throws TextNotFoundError naming what the tree held or OCR read, when not found in time
   */
  public TextMatch tapControl(String text, Region region) {
    ControlFinder.Found f = new ControlFinder(vision, this).find(text, region);
    Point c = f.match().center();
    vision.device().tap(c);
    vision.report.event("tap control " + f.match() + " (found by " + f.source() + ") at " + c);
    return f.match();
  }

  /**
   * Waits for every expectation at once: one frame per poll cycle, each pending one read on it.
   *
   * @param expectations texts that must appear or vanish, each with its own timeout
   * @return per expectation, in order: where it was read (visible ones) or empty (absent ones)
   * @throws TextNotFoundError for the first visible expectation that timed out
   * @throws TextStillVisibleError for the first absent expectation that timed out
   */
  public List<Optional<TextMatch>> awaitAll(List<TextExpectation> expectations) {
    return new TextWaiter(vision, this, expectations).run();
  }

  /** One search and what was read for it. */
  record Search(Optional<TextMatch> match, TextReader.Read read) {}

  Search search(String text, Region region, Frame frame) {
    Region where = region == null ? new Region(0, 0, frame.width(), frame.height()) : region;
    TextReader.Read r = read(frame, where, "", "find:" + TextReader.normalize(text),
        x -> TextReader.locate(x, text).isPresent(), true);
    return new Search(TextReader.locate(r, text), r);
  }

  private TextReader.Read read(Frame frame, Region region, String whitelist, String goal,
      java.util.function.Predicate<TextReader.Read> good, boolean stopEarly) {
    try (Gate.Call call = vision.enter("reading text"); Gate.Call use = frame.use("reading text")) {
      Region r = TextReader.within(region, frame.size());
      return reader.read(vision.textEngine(call.scope), frame, r, whitelist, goal, good, stopEarly);
    }
  }

  /** Attaches the region as captured and as Tesseract saw it; never throws. */
  void attachEvidence(Frame frame, TextReader.Read read) {
    try (Gate.Call call = vision.enter("attaching text evidence"); Gate.Call use = frame.use("attaching text evidence")) {
      Region g = read.region();
      Mat bgr = new Mat();
      try (Rect r = new Rect(g.x(), g.y(), g.width(), g.height())) {
        cvtColor(frame.rgba().apply(r), bgr, COLOR_RGBA2BGR);
      }
      vision.report.attach("text region " + g + " as captured", "image/png", "png", Evidence.png(bgr));
      Mat seen = TextPrep.prepare(frame, g, read.variant(), TextPrep.scale(g, frame.size()));
      vision.report.attach("text region " + g + " as read (" + read.variant() + ")", "image/png", "png",
          Evidence.png(seen));
    } catch (RuntimeException e) {
      vision.report.event("could not attach text evidence: " + e);
    }
  }
}
