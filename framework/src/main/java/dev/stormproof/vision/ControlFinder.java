package dev.stormproof.vision;

import static org.awaitility.Awaitility.await;

import dev.stormproof.device.ui.UiNode;
import dev.stormproof.device.ui.UiTree;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/**
 * "The control whose text is COLLECT": found in the app's UI tree ({@code uiautomator dump})
 * when the device gives one, else read on the screen with OCR. One dump (or one frame) per poll;
 * the report says which way each control was found, because a tree hit proves nothing about the
 * pixels and an OCR hit nothing about the app's widgets.
 */
final class ControlFinder {

  /** A control and how it was found. */
  record Found(TextMatch match, String source) {}

  private final Vision vision;
  private final ScreenText text;

  ControlFinder(Vision vision, ScreenText text) {
    this.vision = vision;
    this.text = text;
  }

  Found find(String wanted, Region region) {
    TextExpectation.visible(wanted, region); // validates the text
    Duration timeout = vision.options.timeout();
    AtomicReference<Found> found = new AtomicReference<>();
    AtomicReference<String> last = new AtomicReference<>("nothing read");
    try {
      await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(vision.options.poll()).atMost(timeout)
          .until(() -> {
            Optional<Found> f = once(wanted, region, last);
            f.ifPresent(found::set);
            return f.isPresent();
          });
    } catch (ConditionTimeoutException e) {
      String msg = "control '" + wanted + "' not found " + (region == null ? "on the screen" : "in region " + region)
          + " within " + Outcome.format(timeout) + ": " + last.get();
      vision.report.event(msg);
      throw new TextNotFoundError(msg);
    }
    Found f = found.get();
    vision.report.event("found control " + f.match() + " by " + f.source());
    return f;
  }

  private Optional<Found> once(String wanted, Region region, AtomicReference<String> last) {
    UiTree tree = tree();
    if (tree != null) {
      String want = TextReader.normalize(wanted);
      List<UiNode> hits = tree.nodes().stream()
          .filter(n -> TextReader.normalize(n.text()).equals(want) || TextReader.normalize(n.description()).equals(want))
          .filter(n -> n.right() > n.left() && n.bottom() > n.top() && n.left() >= 0 && n.top() >= 0)
          .filter(n -> region == null || inside(n, region))
          .sorted(Comparator.comparing(n -> !n.clickable())) // a clickable node before its label
          .toList();
      last.set("the UI tree's texts are " + tree.nodes().stream().map(UiNode::text).filter(t -> !t.isEmpty()).toList());
      return hits.stream().findFirst().map(n -> new Found(new TextMatch(n.text().isEmpty() ? n.description() : n.text(),
          new Region(n.left(), n.top(), n.right() - n.left(), n.bottom() - n.top()), 100), "the UI tree"));
    }
    try (Frame frame = vision.capture()) {
      ScreenText.Search s = text.search(wanted, region, frame);
      last.set("OCR read '" + s.read().text().replace('\n', ' ') + "' (the device gives no UI tree)");
      return s.match().map(m -> new Found(m, "OCR"));
    }
  }

  private static boolean inside(UiNode n, Region r) {
    return n.left() >= r.x() && n.top() >= r.y() && n.right() <= r.x() + r.width() && n.bottom() <= r.y() + r.height();
  }

  /** The device's UI tree, or null when it gives none (a game drawing itself, no uiautomator, no shell). */
  private UiTree tree() {
    try {
      return UiTree.dump(vision.device());
    } catch (IllegalStateException | IllegalArgumentException | UnsupportedOperationException e) {
      return null;
    }
  }
}
