package dev.stormproof.junit;

import dev.stormproof.lint.LintOptions;
import dev.stormproof.lint.TemplateLint;
import dev.stormproof.vision.VisionOptions;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.AssertionFailedError;

/**
 * The template lint in the build: extend this class in your tests and get one test per template,
 * which fails with what is wrong and what to do (see {@link TemplateLint}).
 *
 * <pre>{@code
 * class TemplateLintTest extends TemplateLintTests {
 *   @Override
 *   protected LintOptions options(VisionOptions vision) {
 *     return LintOptions.of(vision).withColorChecked("shop/buy.png");
 *   }
 * }
 * }</pre>
 *
 * <p>Folders are relative to the module (where Maven runs tests). Matching settings come from the
 * JUnit configuration ({@code stormproof.vision.*} in {@code junit-platform.properties}) as the
 * tests' own {@code Vision} reads them.
 */
@ExtendWith(TemplateLintTests.RunVisionOptions.class)
public abstract class TemplateLintTests {

  /** Resolves the run's {@link VisionOptions} from the JUnit configuration (then system properties). */
  static final class RunVisionOptions implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
      return p.getParameter().getType() == VisionOptions.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
      return VisionOptions.fromConfig(c::getConfigurationParameter); // JUnit falls back to system properties
    }
  }

  /** For subclasses. */
  protected TemplateLintTests() {}

  /**
   * The template root.
   *
   * @return {@code src/test/resources/templates} unless overridden
   */
  protected Path templates() {
    return Path.of("src/test/resources/templates");
  }

  /**
   * The recorded screens (the inspector's Save screen writes there).
   *
   * @return {@code src/test/resources/screens} unless overridden
   */
  protected Path screens() {
    return Path.of("src/test/resources/screens");
  }

  /**
   * The lint's settings.
   *
   * @param vision the matching settings of the run
   * @return {@code LintOptions.of(vision)} unless overridden
   */
  protected LintOptions options(VisionOptions vision) {
    return LintOptions.of(vision);
  }

  /**
   * One test per template, named after it.
   *
   * @param vision the run's matching settings (resolved by JUnit)
   * @return the tests
   */
  @TestFactory
  public Stream<DynamicTest> templateLint(VisionOptions vision) {
    return TemplateLint.check(templates(), screens(), options(vision)).stream()
        .map(v -> DynamicTest.dynamicTest(v.template(), () -> {
          if (!v.problems().isEmpty()) {
            throw new AssertionFailedError(String.join("\n", v.problems()));
          }
        }));
  }
}
