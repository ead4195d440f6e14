package dev.stormproof.allure;

import java.util.regex.Pattern;

/**
 * What kind of failure a test had, read from its message and stack trace, and a headline that
 * is the same for every failure of one kind. Allure groups the Categories tab by message, so
 * the test's message becomes the headline (the full message stays first in the trace) and 40
 * failures of one kind form one group instead of 40 (ports, scores, timestamps and leak tables
 * differ in every message).
 */
public enum FailureKind {
  /** A template was not on the screen in time, or still on it. */
  VISUAL("Visual"),
  /** {@code @LeakGuard} saw a counter grow. */
  LEAK("Leak"),
  /** {@code @AppGuard}: the app under test crashed, died or stopped responding. */
  APP_CRASH("App crash"),
  /** {@code @AppGuard}: the app under test grew in memory, threads, descriptors or jank. */
  APP_GROWTH("App growth"),
  /** A device call did not finish in time. */
  DEVICE_TIMEOUT("Device timeout"),
  /** The device failed: lost connection, malformed answer, failing command, no device. */
  DEVICE_FAULT("Device fault"),
  /** Tasks or a wait outlived their deadline. */
  TIMEOUT("Timeout"),
  /** An assertion of the test failed. */
  ASSERTION("Assertion"),
  /** Any other exception. */
  ERROR("Error");

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:[.,:]\\d+)*");
  private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|<[^>]*>|\\[[^\\]]*\\]");
  private static final Pattern EXCEPTION = Pattern.compile("^\\s*([\\w$.]+(?:Exception|Error))\\b");

  private final String prefix;

  FailureKind(String prefix) {
    this.prefix = prefix;
  }

  /**
   * The prefix of this kind's headlines, as {@code categories.json} matches them.
   *
   * @return for example {@code Visual}
   */
  public String prefix() {
    return prefix;
  }

  /**
   * The kind of a failure.
   *
   * @param message the test's status message (may be null)
   * @param trace its stack trace as text (may be null)
   * @return the kind
   */
  public static FailureKind of(String message, String trace) {
    String m = message == null ? "" : message;
    String t = trace == null ? "" : trace;
    // First: a crashed app also fails the test's own wait, which the guard keeps as suppressed.
    if (m.startsWith("APP CRASH:") || m.startsWith("APP DIED:") || m.startsWith("APP NOT RESPONDING:")) {
      return APP_CRASH;
    }
    if (m.startsWith("APP GREW:")) {
      return APP_GROWTH;
    }
    if (t.contains("dev.stormproof.vision.TemplateNotFoundError") || t.contains("dev.stormproof.vision.TemplateStillVisibleError")) {
      return VISUAL;
    }
    if (m.startsWith("LEAK: @LeakGuard")) {
      return LEAK;
    }
    if (t.contains("dev.stormproof.device.DeviceTimeoutException")) {
      return DEVICE_TIMEOUT;
    }
    if (Pattern.compile("dev\\.stormproof\\.device\\.Device\\w*Exception").matcher(t).find()) {
      return DEVICE_FAULT;
    }
    if (t.contains("TaskTimeoutException") || t.contains("ConditionTimeoutException") || t.contains("TimeoutException")) {
      return TIMEOUT;
    }
    String thrown = exceptionName(t, "");
    return thrown.endsWith("AssertionError") || thrown.endsWith("AssertionFailedError") || thrown.endsWith("ComparisonFailure")
        ? ASSERTION : ERROR;
  }

  /**
   * The headline shared by every failure of this kind with the same cause, e.g.
   * {@code Visual: a template was not found in time} or {@code Assertion: expected N but was N}.
   *
   * @param message the test's status message (may be null)
   * @param trace its stack trace as text (may be null)
   * @return the normalized message
   */
  public String headline(String message, String trace) {
    String m = message == null ? "" : message;
    String t = trace == null ? "" : trace;
    String what = switch (this) {
      case VISUAL -> t.contains("TemplateStillVisibleError") ? "a template was still visible after its timeout"
          : "a template was not found in time";
      case LEAK -> "resources grew under @LeakGuard";
      case APP_CRASH -> "the app crashed, died or stopped responding under @AppGuard";
      case APP_GROWTH -> "the app grew under @AppGuard";
      case DEVICE_TIMEOUT -> "a device call did not finish in time";
      case DEVICE_FAULT -> exceptionName(t, "DeviceException");
      case TIMEOUT -> t.contains("TaskTimeoutException") ? "tasks still running at their deadline" : exceptionName(t, "TimeoutException");
      case ASSERTION, ERROR -> normalize(firstLine(m).isEmpty() ? exceptionName(t, "failure") : firstLine(m));
    };
    return prefix + ": " + what;
  }

  /** Digits and quoted values replaced, so that failures differing only in them read the same. */
  static String normalize(String line) {
    String s = QUOTED.matcher(line).replaceAll("…");
    s = NUMBER.matcher(s).replaceAll("N");
    return s.length() <= 120 ? s : s.substring(0, 119) + "…";
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }

  private static String exceptionName(String trace, String fallback) {
    java.util.regex.Matcher m = EXCEPTION.matcher(trace);
    if (!m.find()) {
      return fallback;
    }
    String name = m.group(1);
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
