package dev.stormproof.device.ui;

import static org.awaitility.Awaitility.await;

import dev.stormproof.device.Device;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waits for UI-tree elements: ONE {@code uiautomator dump} per poll serves every pending
 * selector (a dump costs a device round trip and a full tree walk on the phone), like template
 * and text waits take one frame per poll.
 */
public final class UiWait {

  private UiWait() {}

  /**
   * Waits until every selector matches a node of the same dump or of a later one.
   *
   * @param device the device to dump
   * @param selectors what must appear
   * @param timeout how long to wait for all of them
   * @param poll time between dumps
   * @return per selector, in order, the first node it matched
   * @throws AssertionError naming the selectors still missing and the texts of the last dump
   * @throws IllegalArgumentException when no selector is given or a duration is not positive
   */
  public static List<UiNode> forAll(Device device, List<UiSelector> selectors, Duration timeout, Duration poll) {
    if (selectors.isEmpty()) {
      throw new IllegalArgumentException("UiWait.forAll got no selectors: pass at least one");
    }
    if (timeout.isNegative() || timeout.isZero() || poll.isNegative() || poll.isZero()) {
      throw new IllegalArgumentException("UiWait timeout " + timeout + " and poll " + poll
          + " must be positive, for example Duration.ofSeconds(5) and Duration.ofMillis(200)");
    }
    List<UiNode> found = new ArrayList<>();
    selectors.forEach(s -> found.add(null));
    AtomicReference<UiTree> last = new AtomicReference<>();
    try {
      await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(poll).atMost(timeout).until(() -> {
        UiTree tree = UiTree.dump(device);
        last.set(tree);
        boolean all = true;
        for (int i = 0; i < selectors.size(); i++) {
          if (found.get(i) == null) {
            Optional<UiNode> n = tree.find(selectors.get(i));
            found.set(i, n.orElse(null));
            all &= n.isPresent();
          }
        }
        return all;
      });
    } catch (ConditionTimeoutException e) {
      List<String> missing = new ArrayList<>();
      for (int i = 0; i < selectors.size(); i++) {
        if (found.get(i) == null) {
          missing.add(selectors.get(i).toString());
        }
      }
      List<String> texts = last.get() == null ? List.of()
          : last.get().nodes().stream().map(UiNode::text).filter(t -> !t.isEmpty()).toList();
      throw new AssertionError("UI elements not found within " + timeout.toMillis() + " ms: " + missing
          + "; the last dump's texts are " + texts);
    }
    return List.copyOf(found);
  }
}
