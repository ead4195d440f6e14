package dev.stormproof.device.virtual.arena;

import java.util.Objects;

/**
 * One visible element of an Arena frame, the ground truth for template-matching accuracy tests.
 *
 * @param name stable identifier, for example {@code "play"}, {@code "buy_3"}, {@code "collect"}
 * @param screen the {@link ArenaScreen#id()} it belongs to, for example {@code "shop"}
 * @param kind what it is; only {@link Kind#BUTTON} and {@link Kind#FIELD} react to taps
 * @param bounds where it is drawn, in screen pixels; buttons are drawn exactly inside it
 * @param text the text it shows ({@code ""} when none), for example {@code "BUY"} or {@code "250"}
 * @param style its colour family, for example {@code "green"} or {@code "red"} ({@code ""} when
 *     not meaningful); two buttons of the same shape and text differ only in style
 *
 * <p>Internal: public for the benchmarks module and the integration tests; not part of the API.
 */
public record SceneElement(String name, String screen, Kind kind, Bounds bounds, String text, String style) {

  /** What an element is. */
  public enum Kind {
    /** Reacts to taps. */
    BUTTON,
    /** A text field; a tap focuses it. */
    FIELD,
    /** Text only. */
    LABEL,
    /** A picture (enemy, item, emblem). */
    SPRITE,
    /** A background panel. */
    PANEL
  }

  /**
   * Checks that no component is null.
   *
   * @param name stable identifier
   * @param screen the screen's id
   * @param kind what it is
   * @param bounds where it is drawn
   * @param text the text it shows, or {@code ""}
   * @param style its colour family, or {@code ""}
   */
  public SceneElement {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(screen, "screen");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(bounds, "bounds");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(style, "style");
  }

  /** @return whether a tap inside {@link #bounds()} does something */
  public boolean tappable() {
    return kind == Kind.BUTTON || kind == Kind.FIELD;
  }
}
