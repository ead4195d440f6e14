package dev.stormproof.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Guards the app under test between iterations: fails an iteration in which the app crashed or
 * stopped responding (at once, with the crash text), and, after warm-up, an iteration after
 * which its memory ({@code dumpsys meminfo}: total PSS, native heap, Java heap, graphics, views,
 * activities, binders), threads or open file descriptors ({@code /proc/<pid>}) grew beyond
 * tolerance, or whose frames ({@code dumpsys gfxinfo}: janky-frame percent, 90th percentile)
 * got worse than the baseline iteration's. Iterations are the repetitions of a
 * {@code @RepeatedTest}, the invocations of a {@code @ParameterizedTest}, or (on a class) its
 * tests one after another. Where {@link LeakGuard} judges the test code, this judges the game.
 *
 * <pre>{@code
 * @OnDevice
 * @AppGuard("dev.stormproof.arena")
 * class BattleLoopTest {
 *   @RepeatedTest(20)
 *   void battle(Vision vision) {
 *     vision.tap("arena/battle.png");
 *     // ...
 *   }
 * }
 * }</pre>
 *
 * <p><b>When it measures.</b> Only at iteration boundaries: right before and right after the
 * test method (inside {@code @BeforeEach}/{@code @AfterEach}), one or two adb round trips each,
 * never during the test ({@code dumpsys meminfo} takes hundreds of milliseconds on a phone).
 * Frame statistics are reset at each boundary, so they cover the test method alone.
 *
 * <p><b>Judging.</b> As {@link dev.stormproof.app.AppGuardSession} documents: warm-up, then a
 * baseline; counters above tolerance are re-read with back-off until they settle; stair-step
 * growth over {@code stormproof.app.stairWindow} iterations is caught too. A failing iteration
 * fails with an {@link AssertionError} whose message is the report (which counter grew and by
 * how much, the meminfo sections that grew, the crash or ANR text); the report, the counters per
 * iteration (CSV) and a chart of them are attached through the report SPI. A crash or ANR is the
 * test's failure, with the test's own failure (often "template not found") suppressed in it;
 * growth found after a failing test is added to that failure as suppressed.
 *
 * <p><b>Configuration.</b> {@link #value()} names the package, else
 * {@code stormproof.app.package}. Attributes left at {@link #UNSET} come from the
 * {@code stormproof.app.*} configuration parameters of {@link dev.stormproof.app.AppGuardOptions}.
 * A method annotation replaces the class one for that method (with its own baseline); a
 * {@code @Nested} class is guarded by its enclosing class's annotation, with a baseline of its
 * own. Needs
 * {@link OnDevice}: the app is read through the test's device.
 *
 * <p><b>Exceptions.</b> Misuse fails the test before its body runs with an
 * {@code ExtensionConfigurationException}: {@code @AppGuard on [element]: problem, actual value;
 * fix}.
 *
 * <p><b>Parallel execution.</b> Iterations of one guarded element never overlap (the annotation
 * carries {@code @Execution(SAME_THREAD)}); each device has its own baseline.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(AppGuardExtension.class)
@ExtendWith(MissingOnDevice.class)
@Execution(ExecutionMode.SAME_THREAD)
public @interface AppGuard {

  /** Marks an attribute as "take it from configuration". */
  int UNSET = Integer.MIN_VALUE;

  /**
   * The app's package, for example {@code dev.stormproof.arena}; default
   * {@code stormproof.app.package}.
   *
   * @return the package, empty for the configured one
   */
  String value() default "";

  /**
   * Iterations measured before the baseline; default {@code stormproof.app.warmup} (2).
   *
   * @return iterations, or {@link #UNSET}
   */
  int warmup() default UNSET;

  /**
   * Allowed growth of total PSS in MiB; default {@code stormproof.app.pssBytesTolerance} (32 MiB).
   *
   * @return MiB, or {@link #UNSET}
   */
  int pssMiBTolerance() default UNSET;

  /**
   * Allowed growth of the native heap in MiB; default
   * {@code stormproof.app.nativeHeapBytesTolerance} (16 MiB).
   *
   * @return MiB, or {@link #UNSET}
   */
  int nativeHeapMiBTolerance() default UNSET;

  /**
   * Allowed new threads in the app; default {@code stormproof.app.threadTolerance} (2).
   *
   * @return threads, or {@link #UNSET}
   */
  int threadTolerance() default UNSET;

  /**
   * Allowed new open file descriptors; default {@code stormproof.app.fdTolerance} (16).
   *
   * @return descriptors, or {@link #UNSET}
   */
  int fdTolerance() default UNSET;

  /**
   * Allowed rise of the janky-frame percentage over the baseline iteration's, in percentage
   * points; default {@code stormproof.app.jankPercentTolerance} (10).
   *
   * @return percentage points, or {@link #UNSET}
   */
  int jankPercentTolerance() default UNSET;

  /**
   * Settle time in milliseconds; default {@code stormproof.app.settleMs} (3000).
   *
   * @return milliseconds, or {@link #UNSET}
   */
  int settleMs() default UNSET;
}
