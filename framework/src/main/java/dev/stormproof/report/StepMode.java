package dev.stormproof.report;

import java.util.Locale;

/**
 * How much of a test's device actions the report shows ({@code stormproof.report.steps}).
 */
public enum StepMode {
  /** Each action is a step with a small picture of the screen it acted on (the default). */
  SCREENS,
  /** Each action is a step, without pictures. */
  ACTIONS,
  /** Device actions are not steps (bursts of taps and the counters are still reported). */
  OFF;

  /** The configuration key. */
  public static final String KEY = "stormproof.report.steps";

  /**
   * The mode named by {@code value} (case-insensitive, trimmed).
   *
   * @param value {@code screens}, {@code actions} or {@code off}
   * @return the mode
   * @throws IllegalArgumentException naming the key, the value and the choices
   */
  public static StepMode parse(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "screens" -> SCREENS;
      case "actions" -> ACTIONS;
      case "off" -> OFF;
      default -> throw new IllegalArgumentException(KEY + " must be screens, actions or off, but it is '" + value
          + "'; fix it in junit-platform.properties or -D" + KEY + "=screens");
    };
  }
}
