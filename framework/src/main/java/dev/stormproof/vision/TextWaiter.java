package dev.stormproof.vision;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One multi-expectation text wait, like {@link Waiter} for templates: Awaitility polls in the
 * calling thread, every cycle grabs ONE frame and reads every pending expectation on it, and an
 * expectation past its deadline fails the wait with evidence from that frame.
 */
final class TextWaiter {

  private final Vision vision;
  private final ScreenText text;
  private final List<TextExpectation> expectations;
  private final List<Optional<TextMatch>> outcome = new ArrayList<>();
  private final boolean[] done;
  private final long[] deadlines;
  private final ScreenText.Search[] last;

  TextWaiter(Vision vision, ScreenText text, List<TextExpectation> expectations) {
    if (expectations.isEmpty()) {
      throw new IllegalArgumentException("awaitAll() got no text expectations: pass at least one");
    }
    this.vision = vision;
    this.text = text;
    this.expectations = List.copyOf(expectations);
    this.done = new boolean[expectations.size()];
    this.deadlines = new long[expectations.size()];
    this.last = new ScreenText.Search[expectations.size()];
    for (int i = 0; i < expectations.size(); i++) {
      outcome.add(Optional.empty());
    }
  }

  List<Optional<TextMatch>> run() {
    long start = System.nanoTime();
    Duration longest = Duration.ZERO;
    for (int i = 0; i < expectations.size(); i++) {
      Duration t = expectations.get(i).timeout(vision.options);
      deadlines[i] = start + t.toNanos();
      longest = t.compareTo(longest) > 0 ? t : longest;
    }
    Duration poll = vision.options.poll();
    try {
      // The cycle throws at each expectation's deadline; atMost is only a backstop.
      await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(poll)
          .atMost(longest.plus(poll).plus(poll).plusSeconds(10))
          .until(this::cycle);
    } catch (ConditionTimeoutException e) {
      for (int i = 0; i < done.length; i++) {
        if (!done[i]) {
          throw failure(i, null);
        }
      }
    }
    return List.copyOf(outcome);
  }

  private boolean cycle() {
    boolean all = true;
    try (Frame frame = vision.capture()) {
      long now = System.nanoTime();
      for (int i = 0; i < expectations.size(); i++) {
        if (done[i]) {
          continue;
        }
        TextExpectation e = expectations.get(i);
        ScreenText.Search s = text.search(e.text(), e.region().orElse(null), frame);
        last[i] = s;
        if (s.match().isPresent() != e.absent()) {
          done[i] = true;
          outcome.set(i, s.match());
          vision.report.event(e.absent() ? "text '" + e.text() + "' absent" : "text " + s.match().get() + " visible");
        } else if (now - deadlines[i] >= 0) {
          throw failure(i, frame);
        } else {
          all = false;
        }
      }
    }
    return all;
  }

  private AssertionError failure(int i, Frame frame) {
    TextExpectation e = expectations.get(i);
    String timeout = Outcome.format(e.timeout(vision.options));
    ScreenText.Search s = last[i];
    String where = e.region().map(r -> "in region " + r).orElse("on the screen");
    if (frame != null && s != null) {
      text.attachEvidence(frame, s.read());
    }
    String msg;
    if (e.absent()) {
      msg = "text '" + e.text() + "' still visible " + where + " after " + timeout
          + (s != null && s.match().isPresent() ? ": read " + s.match().get() : "");
    } else {
      msg = String.format(java.util.Locale.ROOT, "text '%s' not found %s within %s: read '%s'%s", e.text(), where,
          timeout, s == null ? "" : s.read().text().replace('\n', ' '),
          s == null ? "" : String.format(java.util.Locale.ROOT, " (confidence %.0f)", s.read().confidence()));
    }
    vision.report.event(msg);
    return e.absent() ? new TextStillVisibleError(msg) : new TextNotFoundError(msg);
  }
}
