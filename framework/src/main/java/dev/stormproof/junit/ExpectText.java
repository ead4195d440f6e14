package dev.stormproof.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "This text must be (or must not be) on the screen": read with OCR on the device of the test,
 * the text counterpart of {@link ExpectTemplate}.
 *
 * <p><b>On a test method</b> (repeatable): checked before the body (after {@code @BeforeEach});
 * all text expectations of a phase are awaited together, one screenshot per poll cycle.
 * {@code after = true} checks after the body; {@code absent = true} requires the text NOT to be
 * read (waiting until it vanished).
 *
 * <p><b>On a {@code TextMatch} parameter</b>: waits until the text is read and injects where, for
 * example {@code @ExpectText(value = "COLLECT", region = {0, 0.4, 1, 0.4}) TextMatch collect}.
 *
 * <p><b>Scope:</b> frames and the OCR engine belong to the test's {@code Vision} and are freed in
 * {@code afterEach}; the injected {@code TextMatch} holds no native memory.
 *
 * <p><b>Failures:</b> a text not read within the timeout fails the test with an
 * {@code AssertionError} naming the text, the region and what was read instead; the report gets
 * the region as captured and as Tesseract saw it. Misuse (no {@code @OnDevice}, an empty text, a
 * bad region or timeout, a parameter that is not a {@code TextMatch}) fails before the test runs.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.PARAMETER})
@Repeatable(ExpectTexts.class)
@ExtendWith({ExpectTextExtension.class, MissingOnDevice.class})
public @interface ExpectText {

  /**
   * The words as the screen shows them; case and spacing are ignored.
   *
   * @return the text
   */
  String value();

  /**
   * Check after the test body instead of before. Methods only.
   *
   * @return true for a postcondition
   */
  boolean after() default false;

  /**
   * Require the text NOT to be read (wait until it vanished). Methods only.
   *
   * @return true for "must be absent"
   */
  boolean absent() default false;

  /**
   * How long to wait, e.g. {@code "5s"}, {@code "750ms"}; empty means the configured default.
   *
   * @return the timeout
   */
  String timeout() default "";

  /**
   * Where to read, as fractions of the screen {@code {x, y, width, height}} in [0, 1]; empty
   * means the whole screen (slower: give a region where the layout is known).
   *
   * @return the region
   */
  double[] region() default {};
}
