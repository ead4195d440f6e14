package dev.stormproof.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "This image must be (or must not be) on the screen": a visual expectation checked with OpenCV
 * template matching on the device of the test.
 *
 * <p><b>On a test method</b> (repeatable): by default checked before the body, after
 * {@code @BeforeEach}; all expectations of a phase are awaited together, one screenshot per poll
 * cycle. {@code after = true} makes it a postcondition checked after the body;
 * {@code absent = true} requires the template NOT to be visible (waiting until it vanished).
 *
 * <p><b>On a {@code Match} parameter</b>: waits until the template is visible and injects where it
 * was found, for example {@code @ExpectTemplate("arena/play.png") Match play}.
 *
 * <p><b>Scope and clean-up:</b> frames and match buffers belong to the test's {@code Vision}
 * (opened by {@link OnDevice}) and are freed in {@code afterEach}; the injected {@code Match} holds
 * no native memory. Templates are cached for the run.
 *
 * <p><b>Failures:</b> an expectation not met within its timeout fails the test with an
 * {@link AssertionError} naming the template, best score, where, the threshold and the margin;
 * the report gets the screenshot with the best candidate outlined, the template and a score
 * heatmap. Misuse fails before the test runs with an {@code ExtensionConfigurationException}
 * or {@code ParameterResolutionException}: no {@code @OnDevice} in scope, a parameter that is
 * not a {@code Match}, a threshold outside (0, 1], a malformed timeout or region.
 *
 * <p>Defaults come from configuration parameters: {@code stormproof.vision.threshold},
 * {@code stormproof.vision.timeout}, {@code stormproof.vision.scales}.
 *
 * <p>Example:
 * <pre>{@code
 * @OnDevice
 * class BattleTest {
 *   @Test // starts on the battle screen
 *   @ExpectTemplate(value = "arena/shop.png", absent = true)                    // before the body
 *   @ExpectTemplate(value = "arena/victory.png", after = true, timeout = "30s") // after it
 *   void winsTheBattle(Device device, @ExpectTemplate("arena/attack.png") Match attack) {
 *     for (int i = 0; i < 5; i++) {
 *       device.tap(attack.center());
 *     }
 *   }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.PARAMETER})
@Repeatable(ExpectTemplates.class)
@ExtendWith({ExpectTemplateExtension.class, MissingOnDevice.class})
public @interface ExpectTemplate {

  /**
   * The template.
   *
   * @return path under {@code templates/} on the test class path, e.g. {@code arena/play.png}
   */
  String value();

  /**
   * Check after the test body (a postcondition) instead of before. Methods only.
   *
   * @return true for a postcondition
   */
  boolean after() default false;

  /**
   * Require the template NOT to be visible (wait until it vanished). Methods only.
   *
   * @return true when the template must be absent
   */
  boolean absent() default false;

  /**
   * Minimum TM_CCOEFF_NORMED score.
   *
   * @return the threshold in (0, 1]; {@code -1} means the configured default
   */
  double threshold() default -1;

  /**
   * How long to wait.
   *
   * @return e.g. {@code "5s"}, {@code "750ms"}, {@code "PT2S"}; empty means the configured default
   */
  String timeout() default "";

  /**
   * Where to look, as fractions of the screen {@code {x, y, width, height}} in [0, 1] (the same
   * on every resolution).
   *
   * @return the region; empty means the whole screen
   */
  double[] region() default {};

  /**
   * Scale tolerance.
   *
   * @return {@code {min, max}}, e.g. {@code {0.75, 1.33}}; empty means the configured default
   */
  double[] scales() default {};

  /**
   * Also compare colours of the best match (tells a red button from a green one).
   *
   * @return true to check colours
   */
  boolean color() default false;
}
