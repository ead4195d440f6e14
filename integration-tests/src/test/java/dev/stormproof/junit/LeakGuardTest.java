package dev.stormproof.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.stormproof.testing.RecordingSink;
import java.util.List;
import java.util.stream.Collectors;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Planted leaks fail with the expected report; clean tests and ordering tricks do not. */
class LeakGuardTest {

  @AfterAll
  static void freePlantedLeaks() throws InterruptedException {
    PlantedLeaks.cleanUp();
    GuardFixtures.STAIRS.forEach(Pointer::free);
    GuardFixtures.STAIR_THREADS.forEach(Thread::interrupt);
  }

  static EngineExecutionResults run(Class<?> testClass) {
    return run(testClass, java.util.Map.of());
  }

  static EngineExecutionResults run(Class<?> testClass, java.util.Map<String, String> config) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameters(config)
        .configurationParameter("stormproof.leak.settleMs", "300")
        .configurationParameter("stormproof.leak.nativeSettleMs", "300")
        .configurationParameter("stormproof.tasks.closeTimeoutMs", "200")
        .configurationParameter("stormproof.tasks.cancelGraceMs", "200")
        .selectors(selectClass(testClass))
        .execute();
  }

  static List<Throwable> failures(EngineExecutionResults results) {
    return results.testEvents().failed().stream()
        .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
        .collect(Collectors.toList());
  }

  @Test
  void unclosedMatPerIterationIsReportedWithItsAllocationSite() {
    EngineExecutionResults r = run(PlantedLeaks.UnclosedMat.class);
    assertThat(r.testEvents().succeeded().count()).isEqualTo(1); // the warm-up iteration
    List<Throwable> failures = failures(r);
    assertThat(failures).hasSize(2).allMatch(t -> t instanceof AssertionError);
    assertThat(failures.get(0).getMessage())
        .startsWith("LEAK: @LeakGuard after iteration 2 (leaks repetition 2 of 3) of UnclosedMat;"
            + " baseline after 1 warm-up iteration(s); counters read ")
        .contains("\n  native buffers   +1 (baseline 0, now 1, tolerance 0) [owned by this test]\n")
        .contains("Native buffers not closed (grouped by allocation site):\n"
            + "  1 x Mat 2400x1080 CV_8UC3 (7.4 MiB each, 7.4 MiB in all) on thread "
            + Thread.currentThread().getName() + ", created at:\n"
            + "      at dev.stormproof.junit.PlantedLeaks$UnclosedMat.leaks(PlantedLeaks.java:43)\n"
            + "    1 of them freed by GC instead of close(): close them (try-with-resources) or"
            + " allocate them in a scope\n")
        .contains("Attribution: native bytes, javacpp pointers and threads nobody owns are"
            + " process-wide (under parallel execution another test may have grown them); native"
            + " buffers, tasks and Stormproof's threads carry the owning test's id and are exact.\n")
        .contains("More: -Dstormproof.leak.stackDepth=40 shows deeper stacks;"
            + " -Dstormproof.leak.jfr=true keeps a JFR recording of the leaking iteration.\n");
  }

  @Test
  void matsLeakedFromAForkedTaskNameTheTaskThread() {
    List<Throwable> failures = failures(run(PlantedLeaks.MatsFromTask.class));
    assertThat(failures).hasSize(2);
    assertThat(failures.get(0).getMessage())
        .contains("  native buffers   +2 (baseline 0, now 2, tolerance 0) [owned by this test]\n")
        .contains("  2 x Mat 480x640 CV_8UC3 (900.0 KiB each, 1.8 MiB in all) on thread"
            + " stormproof-task-leaks#2-1, created at:\n"
            + "      at dev.stormproof.junit.PlantedLeaks$MatsFromTask.lambda$leaks$0"
            + "(PlantedLeaks.java:53)\n")
        .contains("    2 of them freed by GC instead of close()");
  }

  @Test
  void threadStartedAndNeverStoppedIsShownWithItsStack() {
    List<Throwable> failures = failures(run(PlantedLeaks.ThreadNeverStopped.class));
    assertThat(failures).hasSize(2);
    assertThat(failures.get(0).getMessage())
        .contains("\n  threads          +1 (baseline 0, now 1, tolerance 0) [process-wide]\n")
        .contains("Threads that did not stop (grouped by identical stack):\n"
            + "  1 thread [WAITING] with this stack: planted-leaky-thread\n")
        .contains("java.util.concurrent.CountDownLatch.await(CountDownLatch.java:230)")
        .contains("dev.stormproof.junit.PlantedLeaks$ThreadNeverStopped.lambda$leaks$0"
            + "(PlantedLeaks.java:66)");
  }

  @Test
  void threadFromTheStormproofFactoryShowsWhereItWasCreated() {
    List<Throwable> failures = failures(run(PlantedLeaks.FactoryThreadNeverStopped.class));
    assertThat(failures).hasSize(2);
    assertThat(failures.get(0).getMessage())
        .contains("  1 thread [WAITING] with this stack: stormproof-leaks-1\n")
        .contains("  created at:\n"
            + "      at dev.stormproof.junit.PlantedLeaks$FactoryThreadNeverStopped.leaks"
            + "(PlantedLeaks.java:" + FACTORY_LINE + ")\n");
  }

  private static final int FACTORY_LINE =
      lineOf("src/test/java/dev/stormproof/junit/PlantedLeaks.java", "// factory-site-marker");

  @Test
  void taskBlockedForeverOnAQueueFailsTheTestAndIsInTheLeakReport() {
    List<Throwable> failures = failures(run(PlantedLeaks.TaskBlockedForever.class));
    assertThat(failures).hasSize(3); // the scope's close fails every iteration, warm-up too
    Throwable second = failures.get(1);
    assertThat(second.getClass().getSimpleName()).isEqualTo("TasksStuckException");
    assertThat(second.getMessage())
        .startsWith("1 task(s) of scope 'leaks#2' ignored cancellation and were still alive"
            + " 200 ms later; they stay in the ledger as leaked tasks:\n"
            + "  task #1 (stormproof-task-leaks#2-1) [WAITING]\n")
        .contains("java.util.concurrent.LinkedBlockingQueue.take(")
        .contains("    forked at:\n"
            + "      at dev.stormproof.junit.PlantedLeaks$TaskBlockedForever.leaks"
            + "(PlantedLeaks.java:80)\n");
    assertThat(second.getSuppressed()).hasSize(1);
    assertThat(second.getSuppressed()[0].getMessage())
        .contains("; the test itself failed, this is what it left behind\n")
        .contains("  tasks            +1 (baseline 0, now 1, tolerance 0) [owned by this test]\n")
        .contains("Threads that did not stop (grouped by identical stack):\n"
            + "  1 thread runs a task listed under \"Tasks still live\"\n")
        .contains("Tasks still live:\n"
            + "  task #1 (stormproof-task-leaks#2-1) [CANCELLED, thread WAITING]\n")
        .contains("java.util.concurrent.LinkedBlockingQueue.take(")
        .contains("    forked at:\n"
            + "      at dev.stormproof.junit.PlantedLeaks$TaskBlockedForever.leaks"
            + "(PlantedLeaks.java:80)\n");
  }

  @Test
  void nativeLeakOf25MiBIsCaughtWhereAHeapOnlyCheckSeesNothing() {
    EngineExecutionResults heapOnly = run(PlantedLeaks.NativeMallocHeapOnly.class);
    EngineExecutionResults guarded = run(PlantedLeaks.NativeMalloc.class);

    assertThat(heapOnly.testEvents().succeeded().count()).isEqualTo(3);
    assertThat(heapOnly.testEvents().failed().count()).isZero();

    List<Throwable> failures = failures(guarded);
    // Iterations 2 and 3 each leak 25 MiB; the first is always caught. The second is usually
    // caught too, but memory the JVM frees in the background (other tests' garbage) can mask it
    // in the process-wide counter (seen once on an idle machine): a known limit, see docs.
    assertThat(failures).hasSizeBetween(1, 2);
    String report = failures.get(0).getMessage();
    // 25 MiB was leaked. The JVM's own malloc (JIT, GC) is subtracted through Native Memory
    // Tracking (the surefire argLine turns it on): readings were +25.0 MiB; before, with the JIT
    // and GC in the counter, +17 to +33 MiB on a loaded machine. Other native libraries still
    // churn a little, so allow some noise, well above the 8 MiB tolerance.
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("What grew:\n  native bytes     "
        + "\\+([0-9.]+) MiB \\(baseline [0-9.]+ MiB, now [0-9.]+ MiB, tolerance 8\\.0 MiB\\)"
        + " \\[process-wide\\]\n").matcher(report);
    assertThat(m.find()).as(report).isTrue();
    assertThat(Double.parseDouble(m.group(1))).isBetween(20.0, 30.0);
    assertThat(report)
        .contains("Within tolerance: javacpp pointers +0, threads +0, native buffers +0, tasks +0")
        .contains("Native memory: native bytes from glibc mallinfo2() (uordblks + hblkhd) minus the"
            + " JVM's own malloc (Native Memory Tracking)\n");
  }

  /** Three runs in a row, each in a fresh engine: a false alarm must not hide behind luck. */
  @RepeatedTest(3)
  void cleanTestsPassAHundredIterationsParameterizedAndBetweenTests() {
    EngineExecutionResults r = run(GuardFixtures.Clean.class);
    assertThat(failures(r)).isEmpty();
    assertThat(r.testEvents().succeeded().count()).isEqualTo(106);
  }

  @Test
  void stairStepGrowthUnderTheToleranceFails() {
    List<Throwable> failures = failures(run(GuardFixtures.Stairs.class));
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).getMessage())
        .startsWith("LEAK: @LeakGuard after iteration 14 (creeps repetition 14 of 14) of Stairs;")
        .contains("\n  threads          rose in 10 of the last 10 iterations (+10 in all, each step within tolerance): "
            + "stair-step growth [process-wide]\n");
  }

  /**
   * DeclaredBefore is the hard case: ReleaseInStore's beforeEach runs before the guard's, so a
   * guard that created its measurement in beforeEach would be closed before ReleaseInStore's
   * value and see one javacpp pointer too many. Verified by disabling the pre-construct hook:
   * then this test fails with "javacpp pointers +1 (baseline 2, now 3, tolerance 0)".
   */
  @Test
  void measuresAfterOtherExtensionsReleasedWhateverTheDeclarationOrder() {
    for (Class<?> c : List.of(GuardFixtures.DeclaredBefore.class,
        GuardFixtures.DeclaredAfter.class)) {
      EngineExecutionResults r = run(c);
      assertThat(failures(r)).as(c.getSimpleName()).isEmpty();
      assertThat(r.testEvents().succeeded().count()).as(c.getSimpleName()).isEqualTo(4);
    }
    // Control: the same probe does fail when an extension keeps its buffer past the test.
    List<Throwable> late = failures(run(GuardFixtures.ReleasedTooLate.class));
    assertThat(late).hasSize(2);
    assertThat(late.get(0).getMessage()).contains(
        "  javacpp pointers +1 (baseline ");
  }

  @Test
  void negativeWarmupFailsBeforeTheTestRuns() {
    List<Throwable> failures = failures(run(GuardFixtures.NegativeWarmup.class));
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0)).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("@LeakGuard on [NegativeWarmup.guarded()]: warmup must be 0 or more, was -2;"
            + " set warmup = 0 or more, or leave it out to use stormproof.leak.warmup"
            + " (default 2)");
  }

  @Test
  void aTaskFailureFailsTheTestWithTheForkSite() {
    List<Throwable> failures = failures(run(GuardFixtures.TaskFails.class));
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0)).isInstanceOf(dev.stormproof.tasks.TaskFailedException.class)
        .hasMessage("task #1 (stormproof-task-failsInATask-1) of scope 'failsInATask' failed:"
            + " java.lang.IllegalStateException: device went away; forked at"
            + " dev.stormproof.junit.GuardFixtures$TaskFails.failsInATask(GuardFixtures.java:"
            + TASK_FAILS_FORK_LINE + ")")
        .hasRootCauseMessage("device went away");
  }

  private static final int TASK_FAILS_FORK_LINE =
      lineOf("src/test/java/dev/stormproof/junit/GuardFixtures.java", "// fork-site-marker");

  private static int lineOf(String file, String marker) {
    try {
      List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of(file));
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains(marker)) {
          return i + 1;
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    throw new IllegalStateException(marker + " not found in " + file);
  }

  @Test
  void aCleanGuardedTestSaysSoInOneLineWithASmallChart() throws Exception {
    RecordingSink.registered().clear();
    EngineExecutionResults r = run(GuardFixtures.CleanThree.class);
    r.testEvents().assertStatistics(s -> s.succeeded(3).failed(0));
    assertThat(RecordingSink.registered().events.stream().filter(e -> e.startsWith("leak guard clean:")).toList())
        .hasSize(2)
        .allMatch(e -> e.matches("leak guard clean: [23] iterations, native bytes [+-]\\d+(\\.\\d)? (B|KiB|MiB), .*threads \\+0.*"), "one line per judged iteration");
    List<RecordingSink.Attachment> charts = RecordingSink.registered().attachments.stream()
        .filter(a -> a.name().equals("leak guard: counters per iteration")).toList();
    assertThat(charts).hasSize(2);
    assertThat(charts.get(1).mimeType()).isEqualTo("image/svg+xml");
    assertThat(new String(charts.get(1).content(), java.nio.charset.StandardCharsets.UTF_8)).contains("height=\"114\"", ">threads (process-wide)</text>", ">native buffers</text>");
  }

  @Test
  void perClassLifecycleIsGuardedToo() {
    List<Throwable> failures = failures(run(GuardFixtures.PerClassLifecycle.class));
    assertThat(failures).hasSize(2);
    assertThat(failures.get(0).getMessage())
        .contains("  native buffers   +1 (baseline 0, now 1, tolerance 0) [owned by this test]\n")
        .contains("  1 x Mat 16x16 CV_8UC1 (256 B each");
  }

  @Test
  void evidenceIsAttachedThroughTheReportSpiWithJfrWhenAskedFor() throws Exception {
    RecordingSink.registered().clear();
    java.nio.file.Path dir = java.nio.file.Path.of("target/leak-jfr-test");
    List<Throwable> failures = failures(run(PlantedLeaks.UnclosedMat.class, java.util.Map.of(
        "stormproof.leak.jfr", "true", "stormproof.leak.dir", dir.toString())));
    assertThat(failures).hasSize(2);
    assertThat(failures.get(0).getMessage()).doesNotContain("-Dstormproof.leak.jfr=true");
    List<String> names = RecordingSink.registered().attachments.stream().map(RecordingSink.Attachment::name)
        .collect(Collectors.toList());
    assertThat(names).containsExactly(
        "leak chart: what grew, with baseline and tolerance", "thread dump (grouped)", "memory per iteration",
        "JFR of iteration 2",
        "leak chart: what grew, with baseline and tolerance", "thread dump (grouped)", "memory per iteration",
        "JFR of iteration 3");
    RecordingSink.Attachment csv = RecordingSink.registered().attachments.get(6);
    assertThat(new String(csv.content(), java.nio.charset.StandardCharsets.UTF_8))
        .startsWith("iteration,label,native_bytes,javacpp_count,heap_used_bytes,rss_bytes,threads\n"
            + "1,\"leaks repetition 1 of 3\",")
        .contains("\n3,\"leaks repetition 3 of 3\",");
    RecordingSink.Attachment chart = RecordingSink.registered().attachments.get(4);
    assertThat(chart.mimeType()).isEqualTo("image/svg+xml");
    String svg = new String(chart.content(), java.nio.charset.StandardCharsets.UTF_8);
    // One 300-pixel panel per counter that grew, with the report's numbers: here only the owned native buffers grew.
    assertThat(failures.get(1).getMessage()).contains("What grew:\n  native buffers   +1 (baseline 0, now 1, tolerance 0)");
    assertThat(svg).contains("width=\"300\"", ">native buffers</text>", ">baseline 0</text>", ">tolerance 0</text>", ">now 1</text>");
    java.nio.file.Files.write(java.nio.file.Path.of("target/leak-chart-unclosed-mat.svg"), chart.content());
    assertThat(RecordingSink.registered().attachments.get(7).content().length).isPositive();
    assertThat(dir.resolve("leaks_repetition_3_of_3-3.jfr")).exists();
  }

  @Test
  void underParallelExecutionOwnedBuffersAreAttributedToTheirTestOnly() {
    EngineExecutionResults r = EngineTestKit.engine("junit-jupiter")
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
        .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
        .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default",
            "concurrent")
        .configurationParameter("stormproof.leak.settleMs", "1000")
        .selectors(selectClass(PlantedLeaks.UnclosedMat.class),
            selectClass(GuardFixtures.ParallelClean.class))
        .execute();
    List<Throwable> failures = failures(r);
    assertThat(failures).hasSize(2)
        .allSatisfy(t -> assertThat(t.getMessage()).contains("of UnclosedMat;")
            .contains("  native buffers   +1 (baseline 0, now 1, tolerance 0) [owned by this test]"));
    assertThat(r.testEvents().succeeded().count()).isEqualTo(1 + 20);
  }

  @Test
  void aMalformedConfigurationValueFailsBeforeTheTestRuns() {
    List<Throwable> failures = failures(run(PlantedLeaks.UnclosedMat.class,
        java.util.Map.of("stormproof.leak.warmup", "two")));
    assertThat(failures).hasSize(3).allSatisfy(t -> assertThat(t)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("@LeakGuard on [UnclosedMat]: stormproof.leak.warmup=two is not a whole number,"
            + " for example 2"));
  }

  @Test
  void ignoredThreadNamesAreNotReported() {
    EngineExecutionResults r = run(PlantedLeaks.ThreadNeverStopped.class,
        java.util.Map.of("stormproof.leak.ignoreThreads", "planted-leaky-.*"));
    assertThat(failures(r)).isEmpty();
    assertThat(r.testEvents().succeeded().count()).isEqualTo(3);
  }
}
