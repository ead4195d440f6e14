package dev.stormproof.device.virtual.arena;

import dev.stormproof.device.Size;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * What an Arena frame shows: the screen, its size and the visible elements in drawing order
 * (later ones are on top). Immutable. While the reward pop-up is up only its elements are listed:
 * the screen behind it is blurred, dimmed, hatched and not tappable. Shop rows only partly inside
 * the list are drawn but not listed (nor tappable): ground truth holds only whole elements.
 *
 * @param screen the current screen
 * @param size the screen size the bounds refer to
 * @param elements visible elements, back to front
 *
 * <p>Internal: public for the benchmarks module and the integration tests; not part of the API.
 */
public record Scene(ArenaScreen screen, Size size, List<SceneElement> elements) {
  /**
   * Copies the element list.
   *
   * @param screen the current screen
   * @param size the screen size the bounds refer to
   * @param elements visible elements, back to front
   */
  public Scene {
    elements = List.copyOf(elements);
  }

  /**
   * Looks an element up.
   *
   * @param name the element's name, for example {@code "play"}
   * @return the element, if visible
   */
  public Optional<SceneElement> find(String name) {
    return elements.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /**
   * The element called {@code name}.
   *
   * @param name the element's name, for example {@code "play"}
   * @return the element
   * @throws NoSuchElementException naming the screen and the visible elements when it is not visible
   */
  public SceneElement get(String name) {
    return find(name).orElseThrow(() -> new NoSuchElementException(
        "no element '" + name + "' on screen " + screen.id() + " at " + size + "; visible: "
            + elements.stream().map(SceneElement::name).toList()));
  }

  /**
   * What a tap at a pixel would hit.
   *
   * @param x column
   * @param y row
   * @return the topmost tappable element containing the pixel, if any
   */
  public Optional<SceneElement> hit(int x, int y) {
    for (int i = elements.size() - 1; i >= 0; i--) {
      SceneElement e = elements.get(i);
      if (e.tappable() && e.bounds().contains(x, y)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
