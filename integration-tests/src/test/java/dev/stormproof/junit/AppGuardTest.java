package dev.stormproof.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.stormproof.testing.RecordingSink;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * {@link AppGuard} on the virtual device's Arena: each planted fault fails its iteration with
 * the right counter named, the clean 20-battle run raises no alarm three runs in a row, and
 * misuse fails with the fix.
 */
class AppGuardTest {

  private static EngineExecutionResults run(Class<?> type) {
    return run(type, Map.of());
  }

  private static EngineExecutionResults run(Class<?> type, Map<String, String> extra) {
    Map<String, String> config = new HashMap<>(Map.of("stormproof.device", "virtual",
        "stormproof.virtual.latency.fast", "true",
        "stormproof.app.minFrames", "5", "stormproof.app.settleMs", "300"));
    config.putAll(extra);
    return EngineTestKit.engine("junit-jupiter").configurationParameters(config)
        .selectors(selectClass(type)).execute();
  }

  private static List<Throwable> failures(EngineExecutionResults r) {
    return r.testEvents().failed().stream().map(e -> e.getPayload(TestExecutionResult.class)
        .orElseThrow().getThrowable().orElseThrow()).toList();
  }

  private static String onlyFailure(Class<?> type, String display) {
    EngineExecutionResults r = run(type);
    List<Event> failed = r.testEvents().failed().list();
    assertThat(failed).as("failed iterations of %s", type.getSimpleName()).hasSize(1);
    assertThat(failed.get(0).getTestDescriptor().getDisplayName()).isEqualTo(display);
    return failures(r).get(0).getMessage();
  }

  @Test
  void clean_battles_raise_no_alarm_three_runs_in_a_row() {
    for (int run = 1; run <= 3; run++) {
      EngineExecutionResults r = run(AppGuardFixtures.Clean.class);
      assertThat(failures(r)).as("run %d", run).isEmpty();
      assertThat(r.testEvents().succeeded().count()).as("run %d", run).isEqualTo(20);
    }
  }

  @Test
  void a_native_leak_per_battle_is_named_with_the_meminfo_section_that_grew() {
    // 6 MiB a battle against 16 MiB of tolerance: +12 after iteration 4, +18 after 5, with up to
    // 255 KiB of noise either way (an exact multiple of the tolerance would be a coin toss).
    String report = onlyFailure(AppGuardFixtures.Leak.class, "repetition 5 of 6");
    assertThat(report).startsWith("APP GREW: @AppGuard after iteration 5 (battle repetition 5 of 6) "
        + "of Leak: app dev.stormproof.arena (pid ");
    assertThat(report).containsPattern("\nWhat grew:\n  native heap      \\+1[78]\\.\\d MiB \\(baseline "
        + "3\\d\\.\\d MiB, now 5\\d\\.\\d MiB, tolerance 16\\.0 MiB\\)\nWithin tolerance: total PSS \\+1[78]");
    assertThat(report).containsPattern("Meminfo sections that grew \\(PSS since the baseline, as read at the boundary\\):\n"
        + "  Native Heap      \\+1[78]\\.\\d MiB");
    assertThat(report).contains("Measured at iteration boundaries only: this reading took 1 adb round trip(s)");
  }

  @Test
  void a_thread_per_battle_is_named_exactly_and_the_evidence_is_attached() {
    RecordingSink sink = RecordingSink.registered();
    sink.clear();
    String report = onlyFailure(AppGuardFixtures.Threads.class, "repetition 5 of 6");
    assertThat(report).contains("\nWhat grew:\n  app threads      +3 (baseline 30, now 33, tolerance 2)\n");
    assertThat(sink.events).filteredOn(e -> e.startsWith("app guard")).containsExactly(
        "app guard, iteration 1: warmup", "app guard, iteration 2: warmup", "app guard, iteration 3: clean",
        "app guard, iteration 4: clean", "app guard, iteration 5: grew", "app guard, iteration 6: clean");
    List<RecordingSink.Attachment> attached = sink.attachments.stream()
        .filter(a -> a.name().startsWith("app ")).toList();
    assertThat(attached).extracting(RecordingSink.Attachment::name)
        .containsExactly("app guard report", "app counters per iteration", "app chart");
    assertThat(new String(attached.get(0).content(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(report);
    assertThat(new String(attached.get(1).content(), java.nio.charset.StandardCharsets.UTF_8))
        .startsWith("iteration,label,total_pss,native_heap,java_heap,graphics,views,activities,binders,"
            + "threads,fds,jank_percent,frame_p90_ms\n1,\"battle repetition 1 of 6\",")
        .contains(",29,72,").contains(",33,72,");
    assertThat(attached.get(2).content()).startsWith(0x89, 'P', 'N', 'G');
  }

  @Test
  void growth_under_tolerance_that_keeps_climbing_is_a_stair_step() {
    EngineExecutionResults r = run(AppGuardFixtures.Creeping.class, Map.of("stormproof.app.stairWindow", "3"));
    List<Throwable> failures = failures(r);
    assertThat(failures).singleElement().satisfies(t -> assertThat(t.getMessage())
        .startsWith("APP GREW: @AppGuard after iteration 6 (battle repetition 6 of 6) of Creeping")
        .containsPattern("\nWhat grew:\n  total PSS        rose in 3 of the last 3 iterations \\(\\+[23]\\.\\d MiB "
            + "in all, each step within tolerance\\): stair-step growth \\[app dev.stormproof.arena\\]\n"
            + "  native heap      rose in 3 of the last 3 iterations \\(\\+[23]\\.\\d MiB in all, each step "
            + "within tolerance\\): stair-step growth \\[app dev.stormproof.arena\\]\nWithin tolerance: "
            + "total PSS \\+[34]\\.\\d MiB, native heap \\+[34]\\.\\d MiB"));
  }

  @Test
  void a_nested_class_is_guarded_by_the_enclosing_annotation() {
    String report = onlyFailure(AppGuardFixtures.Outer.Inner.class, "repetition 2 of 2");
    assertThat(report).contains("of Inner: app dev.stormproof.arena")
        .contains("\nWhat grew:\n  app threads      +3 (baseline 31, now 34, tolerance 2)\n");
  }

  @Test
  void jank_from_the_third_battle_is_named_against_the_baseline_iteration() {
    String report = onlyFailure(AppGuardFixtures.Jank.class, "repetition 3 of 4");
    // 45% of the frames, rounded down twice: 40-45% for the few dozen frames of a short iteration
    assertThat(report).containsPattern("\nWhat grew:\n  janky frames %   \\+\\d\\d \\(baseline [0-2], "
        + "now 4\\d, tolerance 10\\)\n  frame p90 ms     \\+40 \\(baseline 12, now 52, tolerance 16\\)\n");
  }

  @Test
  void a_crash_fails_the_iteration_at_once_with_the_crash_text_and_the_test_failure_suppressed() {
    EngineExecutionResults r = run(AppGuardFixtures.Crashing.class);
    List<Throwable> failures = failures(r);
    assertThat(failures).hasSize(1);
    Throwable t = failures.get(0);
    assertThat(t).isInstanceOf(AssertionError.class);
    assertThat(t.getMessage()).startsWith("APP CRASH: @AppGuard after iteration 3 (battle repetition 3 of 4) "
        + "of Crashing: app dev.stormproof.arena (not running)\n  the app's process (pid ")
        .contains(") died during the iteration\n\nCrash (crash) of dev.stormproof.arena:\n")
        .contains("E AndroidRuntime: FATAL EXCEPTION: main\n")
        .contains("E AndroidRuntime: java.lang.IllegalStateException: planted crash "
            + "(debug.arena.crash=3): battle 3 could not load its enemy sprite\n");
    assertThat(t.getSuppressed()).singleElement().isInstanceOf(ConditionTimeoutException.class);
    assertThat(r.testEvents().succeeded().count()).as("the restarted app is a new warm-up").isEqualTo(3);
  }

  @Test
  void an_anr_fails_the_iteration_at_once_with_the_activity_managers_report() {
    EngineExecutionResults r = run(AppGuardFixtures.NotResponding.class);
    List<Throwable> failures = failures(r);
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).getMessage()).startsWith("APP NOT RESPONDING: @AppGuard after iteration 3 "
        + "(battle repetition 3 of 3) of NotResponding: app dev.stormproof.arena (pid ")
        .contains("      mCrashing=false mNotResponding=true\n      notRespondingReport: ANR in "
            + "dev.stormproof.arena (dev.stormproof.arena/.MainActivity): Input dispatching timed out "
            + "(dev.stormproof.arena/.MainActivity is not responding. Waited 5001ms for MotionEvent)\n");
  }

  @Test
  void misuse_is_refused_with_the_fix() {
    assertThat(onlyFailure(AppGuardFixtures.NoDevice.class, "t()")).isEqualTo("@AppGuard on [NoDevice]: "
        + "no device is leased for this test; add @OnDevice to the class or the method (the app guard "
        + "reads the app through the test's device)");
    assertThat(onlyFailure(AppGuardFixtures.NoPackage.class, "t()")).isEqualTo("@AppGuard on [NoPackage]: "
        + "no app package is named; write @AppGuard(\"com.example.game\") or set "
        + "stormproof.app.package=com.example.game");
    assertThat(onlyFailure(AppGuardFixtures.BadPackage.class, "t()")).isEqualTo("@AppGuard on "
        + "[BadPackage.t()]: @AppGuard value must be an Android package name like com.example.game, was "
        + "'arena; reboot'; set it to the applicationId of the app under test");
    assertThat(onlyFailure(AppGuardFixtures.NegativeWarmup.class, "t()")).isEqualTo("@AppGuard on "
        + "[NegativeWarmup]: warmup must be 0 or more, was -1; set warmup = 0 or more, or leave it out "
        + "to use stormproof.app.warmup (default 2)");
    assertThat(failures(run(AppGuardFixtures.Configured.class, Map.of("stormproof.app.threadTolerance", "abc"))))
        .singleElement().satisfies(t -> assertThat(t).hasMessage("@AppGuard on [Configured]: Configuration "
            + "stormproof.app.threadTolerance must be a whole number, was 'abc'; set it like "
            + "stormproof.app.threadTolerance=2"));
    assertThat(onlyFailure(AppGuardFixtures.WrongPackage.class, "repetition 3 of 3")).startsWith("APP NOT FOUND: "
        + "@AppGuard after iteration 3 (t repetition 3 of 3) of WrongPackage: app com.example.missing (not running)\n"
        + "  no process of com.example.missing was found at any boundary of 3 iteration(s) (pidof printed "
        + "nothing); check the package (@AppGuard value or stormproof.app.package) and that the test or its "
        + "@BeforeEach starts the app\n");
    assertThat(failures(run(AppGuardFixtures.NoPackage.class))).singleElement()
        .isInstanceOf(ExtensionConfigurationException.class);
  }
}
