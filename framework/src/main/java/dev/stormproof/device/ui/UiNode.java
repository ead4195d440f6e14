package dev.stormproof.device.ui;

import dev.stormproof.device.Point;
import java.util.List;

/**
 * One node of an Android UI tree as {@code uiautomator dump} writes it. Immutable.
 *
 * @param index position among its siblings (the dump's {@code index})
 * @param text the {@code text} attribute ({@code ""} when none)
 * @param resourceId {@code resource-id}, for example {@code com.example:id/buy}
 * @param className {@code class}, for example {@code android.widget.Button}
 * @param packageName {@code package}
 * @param description {@code content-desc}
 * @param clickable {@code clickable}
 * @param enabled {@code enabled}
 * @param left left edge of {@code bounds}, pixels
 * @param top top edge
 * @param right right edge (exclusive)
 * @param bottom bottom edge (exclusive)
 * @param children child nodes, in dump order
 */
public record UiNode(int index, String text, String resourceId, String className, String packageName,
    String description, boolean clickable, boolean enabled, int left, int top, int right, int bottom,
    List<UiNode> children) {

  /**
   * A node; the children are copied, so a node never changes after parsing.
   *
   * @param index sibling index
   * @param text the text
   * @param resourceId the resource id
   * @param className the class
   * @param packageName the package
   * @param description the content description
   * @param clickable whether it takes taps
   * @param enabled whether it is enabled
   * @param left left edge
   * @param top top edge
   * @param right right edge
   * @param bottom bottom edge
   * @param children child nodes, copied
   */
  public UiNode {
    children = List.copyOf(children);
  }

  /**
   * The centre of the bounds, where a tap on the node lands.
   *
   * @return the centre pixel
   */
  public Point center() {
    return new Point((left + right) / 2, (top + bottom) / 2);
  }

  @Override
  public String toString() {
    return className + (resourceId.isEmpty() ? "" : " " + resourceId) + (text.isEmpty() ? "" : " '" + text + "'")
        + (description.isEmpty() ? "" : " desc '" + description + "'") + " [" + left + "," + top + "][" + right + ","
        + bottom + "]";
  }
}
