package dev.stormproof.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

class LeakGuardTest {

  @AfterAll
  static void freePlantedLeaks() throws InterruptedException {
    PlantedLeaks.cleanUp();
  }

  static EngineExecutionResults run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter("stormproof.leak.settleMs", "300")
        .configurationParameter("stormproof.tasks.closeTimeoutMs", "200")
        .configurationParameter("stormproof.tasks.cancelGraceMs", "200")
        .selectors(selectClass(testClass))
        .execute();
  }

  static List<String> failures(EngineExecutionResults results) {
    return results.testEvents().failed().stream()
        .map(Event::getPayload)
        .map(p -> p.map(Object::toString).orElse(""))
        .collect(Collectors.toList());
  }

  static List<Throwable> throwables(EngineExecutionResults results) {
    return results.testEvents().failed().stream()
        .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
        .collect(Collectors.toList());
  }

  @Test
  void printsReports() {
    for (Class<?> c : List.of(PlantedLeaks.UnclosedMat.class, PlantedLeaks.MatsFromTask.class,
        PlantedLeaks.ThreadNeverStopped.class, PlantedLeaks.TaskBlockedForever.class,
        PlantedLeaks.NativeMalloc.class, PlantedLeaks.NativeMallocHeapOnly.class)) {
      EngineExecutionResults r = run(c);
      System.out.println("=== " + c.getSimpleName() + " " + r.testEvents().succeeded().count()
          + " passed");
      for (Throwable t : throwables(r)) {
        System.out.println("--- " + t.getClass().getName());
        System.out.println(t.getMessage());
        for (Throwable s : t.getSuppressed()) {
          System.out.println("  suppressed: " + s.getMessage());
        }
      }
    }
  }
}
