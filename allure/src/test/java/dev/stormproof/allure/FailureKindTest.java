package dev.stormproof.allure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link FailureKind}: one headline per kind, whatever ports, scores and times a message has. */
class FailureKindTest {

  private static String headline(String message, String trace) {
    return FailureKind.of(message, trace).headline(message, trace);
  }

  @Test
  void visualFailuresOfDifferentTemplatesAndScoresShareOneHeadline() {
    String a = "arena/shop_title.png not found within 2s: best score 0.41 at (616, 1128) below threshold 0.90 (margin -0.49)";
    String b = "arena/play.png not found within 10s: best score 0.12 at (3, 4) below threshold 0.95 (margin -0.83)";
    assertThat(headline(a, "dev.stormproof.vision.TemplateNotFoundError: " + a))
        .isEqualTo(headline(b, "dev.stormproof.vision.TemplateNotFoundError: " + b))
        .isEqualTo("Visual: a template was not found in time");
    assertThat(headline("x still visible", "dev.stormproof.vision.TemplateStillVisibleError: x"))
        .isEqualTo("Visual: a template was still visible after its timeout");
  }

  @Test
  void leaksDeviceFaultsAndTimeoutsAreNamedByKind() {
    assertThat(headline("LEAK: @LeakGuard after iteration 3 (x) of Leaks; ...\n  threads +1 (baseline 22, now 23)",
        "java.lang.AssertionError: LEAK: @LeakGuard after iteration 3")).isEqualTo("Leak: resources grew under @LeakGuard");
    assertThat(headline("127.0.0.1:43503: 'am start -n x' exited 1",
        "dev.stormproof.device.DeviceCommandException: 127.0.0.1:43503: 'am start'\n\tat x"))
        .isEqualTo("Device fault: DeviceCommandException");
    assertThat(headline("127.0.0.1:1: shell timed out after 5s",
        "dev.stormproof.device.DeviceTimeoutException: 127.0.0.1:1\n\tat x")).isEqualTo("Device timeout: a device call did not finish in time");
    assertThat(headline("1 task(s) of scope 't' still running at the deadline (15:39:12.236 UTC) were cancelled",
        "dev.stormproof.tasks.TaskTimeoutException: 1 task(s)\n\tat x")).isEqualTo("Timeout: tasks still running at their deadline");
  }

  @Test
  void assertionsKeepTheirWordsWithNumbersAndQuotedValuesReplaced() {
    String m = "[taps received by the game] expected: 300 but was: 299";
    assertThat(headline(m, "org.opentest4j.AssertionFailedError: " + m + "\n\tat x"))
        .isEqualTo("Assertion: … expected: N but was: N");
    assertThat(headline("boom 'x' at 12", "java.lang.IllegalStateException: boom 'x' at 12\n\tat y"))
        .isEqualTo("Error: boom … at N");
    assertThat(FailureKind.normalize("z".repeat(200))).hasSize(120).endsWith("…");
  }

  @org.junit.jupiter.api.Test
  void app_guard_failures_form_one_group_per_kind_even_with_a_suppressed_visual_failure() {
    String trace = "java.lang.AssertionError: APP CRASH: ...\n\tSuppressed: dev.stormproof.vision.TemplateNotFoundError: x";
    assertThat(headline("APP CRASH: @AppGuard after iteration 3 of Crash: app a.b (not running)", trace))
        .isEqualTo("App crash: the app crashed, died or stopped responding under @AppGuard");
    assertThat(headline("APP NOT RESPONDING: @AppGuard after iteration 2 of X", trace))
        .isEqualTo("App crash: the app crashed, died or stopped responding under @AppGuard");
    assertThat(headline("APP GREW: @AppGuard after iteration 5 of Leak: app a.b (pid 4306)", "java.lang.AssertionError: APP GREW"))
        .isEqualTo("App growth: the app grew under @AppGuard");
  }
}
