package dev.stormproof.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The leak guard stays honest under parallel execution: two clean guarded classes (100
 * iterations each) run beside two unguarded storm classes that keep task, factory and plain
 * threads alive and churn native memory, and beside four planted leaks. No clean iteration may
 * fail, and every planted leak must be caught, by the counter that owns it. Three runs, each in a
 * fresh engine, so a false alarm cannot hide behind luck.
 */
class ParallelLeakGuardTest {

  @AfterEach
  void freeLeaks() {
    ParallelFixtures.cleanUp();
  }

  @RepeatedTest(3)
  void cleanGuardedClassesBesideStormsNeverAlarmAndPlantedLeaksAreAllCaught() {
    ParallelFixtures.reset();
    EngineExecutionResults r = EngineTestKit.engine("junit-jupiter")
        .configurationParameters(Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "concurrent",
            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", "4",
            "stormproof.leak.settleMs", "500",
            "stormproof.leak.nativeSettleMs", "500",
            "stormproof.tasks.closeTimeoutMs", "200",
            "stormproof.tasks.cancelGraceMs", "200"))
        .selectors(selectClass(ParallelFixtures.CleanTasks.class),
            selectClass(ParallelFixtures.CleanFactory.class),
            selectClass(ParallelFixtures.StormA.class), selectClass(ParallelFixtures.StormB.class),
            selectClass(ParallelFixtures.LeaksMat.class),
            selectClass(ParallelFixtures.LeaksTask.class),
            selectClass(ParallelFixtures.LeaksFactoryThread.class),
            selectClass(ParallelFixtures.LeaksNativeStrict.class))
        .execute();

    assertThat(failures(r, "Clean")).as("false alarms of the clean guarded classes").isEmpty();
    assertThat(failures(r, "Storm")).as("storm failures").isEmpty();
    assertThat(r.testEvents().succeeded().filter(e -> className(e).contains("Clean")).count())
        .isEqualTo(200);

    assertThat(failures(r, "LeaksMat")).hasSize(2).allSatisfy(m -> assertThat(m).contains(
        "What grew:\n  native buffers   +1 (baseline 0, now 1, tolerance 0) [owned by this test]\n"));
    // Each iteration fails first because its task ignores cancellation; the judged ones (2 and 3)
    // carry the leak report as a suppressed error.
    List<String> tasks = failures(r, "LeaksTask");
    assertThat(tasks).hasSize(3).allSatisfy(m -> assertThat(m).contains("ignored cancellation"));
    assertThat(tasks).filteredOn(m -> m.contains(
        "\n  tasks            +1 (baseline 0, now 1, tolerance 0) [owned by this test]\n"))
        .hasSize(2);
    assertThat(failures(r, "LeaksFactoryThread")).hasSize(2).allSatisfy(m -> assertThat(m).contains(
        "What grew:\n  threads          +1 (baseline 0, now 1, tolerance 0) [owned by this test]\n"));
    // Strict mode judges native bytes even here; the second leaking iteration may be masked by
    // memory other tests free meanwhile (the counter is process-wide), the first never is.
    assertThat(failures(r, "LeaksNativeStrict")).hasSizeBetween(1, 2).allSatisfy(m -> assertThat(m)
        .containsPattern("What grew:\n  native bytes     \\+[0-9.]+ MiB \\(baseline [0-9.]+ MiB, "
            + "now [0-9.]+ MiB, tolerance 8\\.0 MiB\\) \\[process-wide\\]\n"));
  }

  /** The failure's message and those of its suppressed errors (a leak report may be one). */
  private static String messages(Throwable t) {
    StringBuilder out = new StringBuilder(String.valueOf(t.getMessage()));
    for (Throwable s : t.getSuppressed()) {
      out.append("\n-- suppressed: ").append(s.getMessage());
    }
    return out.toString();
  }

  private static String className(Event e) {
    return e.getTestDescriptor().getUniqueId().toString();
  }

  private static List<String> failures(EngineExecutionResults r, String classPart) {
    return r.testEvents().failed().stream().filter(e -> className(e).contains("$" + classPart))
        .map(e -> className(e) + ": " + e.getRequiredPayload(TestExecutionResult.class)
            .getThrowable().map(ParallelLeakGuardTest::messages).orElse(""))
        .collect(Collectors.toList());
  }
}
