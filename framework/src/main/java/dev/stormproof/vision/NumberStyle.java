package dev.stormproof.vision;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What counts as one number on screen, for {@link ScreenText#number}. Each style restricts the
 * characters Tesseract may answer with and says how the digit group reads. An optional leading
 * {@code +} or {@code -} belongs to the number ({@code "+100"} reads 100, {@code "-5"} reads -5).
 * When a region holds several groups (an icon read as {@code "0"} next to the counter), the
 * longest one wins.
 */
public enum NumberStyle {
  /** Digits only: {@code "1250"} reads 1250. */
  PLAIN("0123456789+-", "[+-]?\\d+"),
  /** Digits with thousands separators {@code , . '} or a space: {@code "1,250"} reads 1250. */
  GROUPED("0123456789,.'+- ", "[+-]?\\d{1,3}(?:[,.' ]\\d{3})+|[+-]?\\d+"),
  /** A multiplier: {@code "x3"} or {@code "X3"} reads 3. */
  MULTIPLIER("0123456789xX", "[xX]\\s?\\d+"),
  /** A clock, minutes:seconds or hours:minutes:seconds: {@code "12:05"} reads 725 (seconds). */
  CLOCK("0123456789:", "\\d{1,3}(?::\\d{2}){1,2}");

  private final String characters;
  private final Pattern pattern;

  NumberStyle(String characters, String regex) {
    this.characters = characters;
    this.pattern = Pattern.compile(regex);
  }

  /**
   * The characters Tesseract is restricted to for this style.
   *
   * @return the whitelist
   */
  public String characters() {
    return characters;
  }

  /**
   * The number in {@code text} in this style: the longest digit group.
   *
   * @param text what was read
   * @return the value, or empty when {@code text} holds no such group
   */
  public OptionalLong parse(String text) {
    Matcher m = pattern.matcher(text);
    String best = null;
    while (m.find()) {
      if (best == null || m.group().length() > best.length()) {
        best = m.group();
      }
    }
    if (best == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(value(best));
    } catch (NumberFormatException e) {
      return OptionalLong.empty(); // more digits than a long holds
    }
  }

  private long value(String group) {
    return switch (this) {
      case PLAIN -> Long.parseLong(group.startsWith("+") ? group.substring(1) : group);
      case GROUPED -> {
        String digits = group.replaceAll("[,.' ]", "");
        yield Long.parseLong(digits.startsWith("+") ? digits.substring(1) : digits);
      }
      case MULTIPLIER -> Long.parseLong(group.substring(1).trim());
      case CLOCK -> {
        long total = 0;
        for (String part : group.split(":")) {
          total = total * 60 + Long.parseLong(part);
        }
        yield total;
      }
    };
  }
}
