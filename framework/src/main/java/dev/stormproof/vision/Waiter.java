package dev.stormproof.vision;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One multi-expectation wait: Awaitility polls in the calling thread (javacpp scopes are
 * thread-local); every cycle grabs ONE frame and checks every pending expectation on it, and an
 * expectation past its own deadline fails the wait with evidence from that frame.
 */
final class Waiter {

  private final Vision vision;
  private final List<Expectation> expectations;
  private final List<Optional<Match>> outcome = new ArrayList<>();
  private final boolean[] done;
  private final long[] deadlines;
  private final Matcher.Result[] last;

  Waiter(Vision vision, List<Expectation> expectations) {
    if (expectations.isEmpty()) {
      throw new IllegalArgumentException("awaitAll() got no expectations: pass at least one");
    }
    this.vision = vision;
    this.expectations = List.copyOf(expectations);
    this.done = new boolean[expectations.size()];
    this.deadlines = new long[expectations.size()];
    this.last = new Matcher.Result[expectations.size()];
    for (int i = 0; i < expectations.size(); i++) {
      outcome.add(Optional.empty());
    }
  }

  List<Optional<Match>> run() {
    return vision.step(title(), this::poll);
  }

  /** {@code wait for a.png}, {@code wait until b.png vanishes}, or both joined with {@code ; }. */
  private String title() {
    List<String> visible = new ArrayList<>();
    List<String> absent = new ArrayList<>();
    for (Expectation e : expectations) {
      (e.absent() ? absent : visible).add(e.template().path());
    }
    String v = visible.isEmpty() ? "" : "wait for " + String.join(", ", visible);
    String a = absent.isEmpty() ? "" : "wait until " + String.join(", ", absent) + (absent.size() == 1 ? " vanishes" : " vanish");
    return v.isEmpty() ? a : a.isEmpty() ? v : v + "; " + a;
  }

  private List<Optional<Match>> poll() {
    long start = System.nanoTime();
    Duration longest = Duration.ZERO;
    for (int i = 0; i < expectations.size(); i++) {
      Duration t = expectations.get(i).timeout(vision.options);
      deadlines[i] = start + t.toNanos();
      longest = t.compareTo(longest) > 0 ? t : longest;
    }
    Duration poll = vision.options.poll();
    try {
      // The cycle itself throws at each expectation's deadline; atMost is only a backstop.
      await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(poll)
          .atMost(longest.plus(poll).plus(poll).plusSeconds(2))
          .until(this::cycle);
    } catch (ConditionTimeoutException e) {
      throw failure(firstPending(), null);
    }
    return List.copyOf(outcome);
  }

  private int firstPending() {
    for (int i = 0; i < done.length; i++) {
      if (!done[i]) {
        return i;
      }
    }
    return 0;
  }

  private boolean cycle() {
    boolean all = true;
    try (Frame frame = vision.capture()) {
      long now = System.nanoTime();
      for (int i = 0; i < expectations.size(); i++) {
        if (done[i]) {
          continue;
        }
        Expectation e = expectations.get(i);
        Template t = e.template();
        Matcher.Result r = vision.search(t, frame, false);
        last[i] = r;
        Optional<Match> m = Outcome.accepted(t, r, vision.options);
        if (m.isPresent() != e.absent()) {
          done[i] = true;
          outcome.set(i, m);
          vision.report.event(e.absent()
              ? String.format(Locale.ROOT, "%s absent (best score %.3f)", t.path(), bestScore(r))
              : String.format(Locale.ROOT, "%s visible at %s score %.3f scale %.2f", t.path(),
                  m.get().location(), m.get().score(), m.get().scale()));
        } else if (now - deadlines[i] >= 0) {
          throw failure(i, frame, m);
        } else {
          all = false;
        }
      }
    }
    return all;
  }

  private static double bestScore(Matcher.Result r) {
    return r.candidates().isEmpty() ? -1 : r.candidates().get(0).score();
  }

  private AssertionError failure(int i, Frame frame) {
    return failure(i, frame, Optional.empty());
  }

  private AssertionError failure(int i, Frame frame, Optional<Match> visible) {
    Expectation e = expectations.get(i);
    Template t = e.template();
    Duration timeout = e.timeout(vision.options);
    if (frame != null && last[i] != null) {
      vision.attachEvidence(t, frame, last[i]);
    }
    if (e.absent() && visible.isPresent()) {
      String msg = Outcome.stillVisible(t, visible.get(), vision.options, timeout);
      return new TemplateStillVisibleError(msg, visible.get(), timeout);
    }
    String msg = e.absent() ? t.path() + " still visible after " + Outcome.format(timeout)
        : Outcome.notFound(t, last[i], vision.options, timeout);
    // No event: the wait's step fails with this message (the same as the test's).
    return e.absent() ? new TemplateStillVisibleError(msg, null, timeout)
        : new TemplateNotFoundError(msg, t.path(), last[i] == null ? -1 : bestScore(last[i]), timeout);
  }
}
