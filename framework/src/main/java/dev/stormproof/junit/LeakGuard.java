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
 * Fails a test when native bytes, javacpp pointers, threads, native buffers or tasks grew
 * between iterations: the repetitions of a {@code @RepeatedTest}, the invocations of a
 * {@code @ParameterizedTest}, or (on a class) the tests of the class one after another:
 * <pre>{@code
 * @OnDevice
 * @LeakGuard(warmup = 1)
 * class ShopLeakTest {    // starts in the lobby
 *   @RepeatedTest(5)
 *   void openAndLeaveTheShop(Vision vision) {
 *     vision.tap("arena/shop.png");
 *     vision.tap("arena/back.png");
 *   }
 * }
 * }</pre>
 *
 * <p><b>What it does.</b> The first {@link #warmup()} iterations are measured only; the baseline
 * is taken after them. Every later iteration is judged after settling (counters re-read with
 * capped back-off and a GC between attempts until they return or the settle time ends). A
 * leaking iteration fails with an {@link AssertionError} whose message is the leak report: what
 * grew and by how much, native buffers grouped by allocation site ({@code 100 x Mat 2400x1080
 * CV_8UC3 ... created at:}), buffers freed by GC instead of {@code close()}, threads grouped by
 * identical stack, live tasks with fork site and stack. The report, a grouped thread dump, the
 * per-iteration memory series (CSV and PNG chart) and, with {@code stormproof.leak.jfr=true},
 * a JFR recording of the leaking iteration are attached through the report SPI.
 *
 * <p><b>When it measures.</b> Last: after every other extension's {@code afterEach} callbacks and
 * {@code TestInstancePreDestroyCallback}s, and after the closeable store values other extensions
 * created for the test, whatever the order in which extensions are declared. It does so from a
 * value it puts into the test's {@code ExtensionContext.Store} in its test-instance pre-construct
 * callback, before any extension's {@code beforeEach} runs (JUnit closes a test's store values
 * after all after-callbacks, in reverse order of insertion). Limits: a value another extension
 * stores from its own pre-construct callback registered earlier is closed after the measurement;
 * with {@code @TestInstance(PER_CLASS)} there is no per-test pre-construct callback, so the
 * measurement is created in {@code beforeEach} and values stored by extensions whose
 * {@code beforeEach} ran earlier are closed after it.
 *
 * <p><b>Scope and clean-up.</b> During the test the test's unique id is bound as the thread's
 * {@link dev.stormproof.leak.Owner}; javacpp pointers allocated by the test body and its
 * {@code @BeforeEach}/{@code @AfterEach} methods are watched by a
 * {@link dev.stormproof.leak.TrackingPointerScope} (watched, not freed). A {@code TaskScope}
 * parameter is resolved and closed after each test (see {@code TaskScopeExtension}).
 *
 * <p><b>Configuration.</b> Attributes left at {@link #UNSET} come from the
 * {@code stormproof.leak.*} configuration parameters documented in
 * {@link dev.stormproof.leak.LeakOptions}. A method annotation replaces the class one for that
 * method (with its own baseline).
 *
 * <p><b>Exceptions.</b> Invalid attributes fail the test before it runs with an
 * {@code ExtensionConfigurationException}: {@code @LeakGuard on [element]: rule, actual value;
 * fix}.
 *
 * <p><b>Parallel execution.</b> The iterations of one guarded element never overlap: the
 * annotation carries {@code @Execution(SAME_THREAD)}, so repetitions, invocations and the tests of
 * a guarded class run one after another (other classes may still run concurrently). Native
 * buffers, tasks and the threads Stormproof makes (task threads, {@code StormproofThreadFactory})
 * carry the test's id and are attributed exactly; threads of other tests are left out (the report
 * counts them as "other tests' threads"). Native bytes, javacpp pointers and threads nobody owns
 * are process-wide: with {@code junit.jupiter.execution.parallel.enabled=true} they are reported
 * as context, not as a verdict, unless {@link #strict()} or {@code stormproof.leak.strict=true}.
 * For exact process-wide numbers run guarded classes in isolation ({@code @Isolated}).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(LeakGuardExtension.class)
@ExtendWith(TaskScopeExtension.class)
@ExtendWith(MissingOnDevice.class)
@Execution(ExecutionMode.SAME_THREAD)
public @interface LeakGuard {

  /** Marks an attribute as "take it from configuration". */
  int UNSET = Integer.MIN_VALUE;

  /** @return iterations measured before the baseline; default {@code stormproof.leak.warmup} (2) */
  int warmup() default UNSET;

  /** @return allowed growth of native bytes in MiB; default {@code stormproof.leak.nativeBytesTolerance} (16 MiB) */
  int nativeMiBTolerance() default UNSET;

  /** @return allowed growth of live javacpp pointers; default {@code stormproof.leak.javacppTolerance} (0) */
  int javacppTolerance() default UNSET;

  /** @return allowed new threads; default {@code stormproof.leak.threadTolerance} (0) */
  int threadTolerance() default UNSET;

  /** @return settle time in milliseconds; default {@code stormproof.leak.settleMs} (2000) */
  int settleMs() default UNSET;

  /**
   * Judge process-wide counters (native bytes, javacpp pointers, threads nobody owns) under
   * parallel execution too; {@code false} leaves it to {@code stormproof.leak.strict} (default
   * false: there they are reported as context, not as a verdict).
   *
   * @return true to judge process-wide counters under parallel execution
   */
  boolean strict() default false;

  /** @return extra thread-name regexes to ignore, added to the defaults */
  String[] ignoreThreads() default {};
}
