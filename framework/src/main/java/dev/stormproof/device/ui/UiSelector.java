package dev.stormproof.device.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which nodes of a {@link UiTree} to pick, by text, text fragment, resource id, content
 * description, class and sibling index; every condition must hold. Immutable: each method
 * returns a copy with one more condition.
 *
 * <pre>{@code
 * UiSelector buy = UiSelector.any().resourceId("com.example:id/buy").textContains("250");
 * }</pre>
 */
public final class UiSelector {

  private final List<Predicate<UiNode>> conditions;
  private final List<String> parts;

  private UiSelector(List<Predicate<UiNode>> conditions, List<String> parts) {
    this.conditions = List.copyOf(conditions);
    this.parts = List.copyOf(parts);
  }

  /**
   * A selector matching every node; add conditions to it.
   *
   * @return the empty selector
   */
  public static UiSelector any() {
    return new UiSelector(List.of(), List.of());
  }

  private UiSelector and(String part, Predicate<UiNode> condition) {
    List<Predicate<UiNode>> c = new ArrayList<>(conditions);
    c.add(condition);
    List<String> p = new ArrayList<>(parts);
    p.add(part);
    return new UiSelector(c, p);
  }

  private static String required(String value, String what) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("UiSelector " + what + " is empty: give the value the dump shows, "
          + "for example " + what + "(\"OK\")");
    }
    return value;
  }

  /**
   * The node's text equals {@code text} exactly.
   *
   * @param text the text
   * @return a copy with this condition
   * @throws IllegalArgumentException when empty
   */
  public UiSelector text(String text) {
    String t = required(text, "text");
    return and("text='" + t + "'", n -> n.text().equals(t));
  }

  /**
   * The node's text contains {@code fragment}, case ignored.
   *
   * @param fragment part of the text
   * @return a copy with this condition
   * @throws IllegalArgumentException when empty
   */
  public UiSelector textContains(String fragment) {
    String f = required(fragment, "textContains").toLowerCase(Locale.ROOT);
    return and("text contains '" + fragment + "'", n -> n.text().toLowerCase(Locale.ROOT).contains(f));
  }

  /**
   * The node's resource id equals {@code id}; a bare name ({@code "buy"}) also matches
   * {@code <package>:id/buy}.
   *
   * @param id full or bare resource id
   * @return a copy with this condition
   * @throws IllegalArgumentException when empty
   */
  public UiSelector resourceId(String id) {
    String r = required(id, "resourceId");
    return and("resource-id='" + r + "'", n -> n.resourceId().equals(r) || n.resourceId().endsWith(":id/" + r));
  }

  /**
   * The node's content description equals {@code description}.
   *
   * @param description the accessibility label
   * @return a copy with this condition
   * @throws IllegalArgumentException when empty
   */
  public UiSelector description(String description) {
    String d = required(description, "description");
    return and("content-desc='" + d + "'", n -> n.description().equals(d));
  }

  /**
   * The node's class equals {@code className}, or ends with {@code "." + className}.
   *
   * @param className for example {@code android.widget.Button} or {@code Button}
   * @return a copy with this condition
   * @throws IllegalArgumentException when empty
   */
  public UiSelector className(String className) {
    String c = required(className, "className");
    return and("class='" + c + "'", n -> n.className().equals(c) || n.className().endsWith("." + c));
  }

  /**
   * The node's index among its siblings is {@code index}.
   *
   * @param index 0 or more
   * @return a copy with this condition
   * @throws IllegalArgumentException when negative
   */
  public UiSelector index(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("UiSelector index " + index + " is negative: sibling indexes start at 0");
    }
    return and("index=" + index, n -> n.index() == index);
  }

  boolean matches(UiNode node) {
    for (Predicate<UiNode> c : conditions) {
      if (!c.test(node)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return parts.isEmpty() ? "any node" : String.join(", ", parts);
  }
}
