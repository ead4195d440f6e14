package dev.stormproof.junit;

import dev.stormproof.device.Size;
import dev.stormproof.vision.Expectation;
import dev.stormproof.vision.Match;
import dev.stormproof.vision.Template;
import dev.stormproof.vision.TemplateException;
import dev.stormproof.vision.Vision;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link ExpectTemplate}. Method expectations: the "before" group is awaited
 * in {@code beforeTestExecution} (after {@code @BeforeEach}, before parameters of the test
 * method are resolved), the {@code after = true} group in {@code afterTestExecution} — each group
 * with one {@link Vision#awaitAll} call, so one screenshot per poll serves all of them. A
 * {@code Match} parameter is awaited when JUnit resolves it. The {@code Vision} is the test's
 * own, opened by {@link OnDeviceExtension}; without {@code @OnDevice} in scope the test fails
 * before any work.
 */
final class ExpectTemplateExtension
    implements BeforeTestExecutionCallback, AfterTestExecutionCallback, ParameterResolver {

  @Override
  public void beforeTestExecution(ExtensionContext context) {
    await(context, false);
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (context.getExecutionException().isEmpty()) {
      await(context, true);
    }
  }

  private void await(ExtensionContext context, boolean after) {
    Method method = context.getRequiredTestMethod();
    List<ExpectTemplate> group = new ArrayList<>();
    for (ExpectTemplate e : AnnotationSupport.findRepeatableAnnotations(method, ExpectTemplate.class)) {
      if (e.after() == after) {
        group.add(e);
      }
    }
    if (group.isEmpty()) {
      return;
    }
    Vision vision = vision(context, "method " + method.getName());
    List<Expectation> expectations = new ArrayList<>();
    for (ExpectTemplate e : group) {
      expectations.add(expectation(vision, e, "method " + method.getName(), e.absent()));
    }
    try {
      vision.awaitAll(expectations);
    } catch (TemplateException ex) {
      // Only the first frame shows a template that cannot fit (larger than the screen or region).
      throw new ExtensionConfigurationException("@ExpectTemplate on [method " + method.getName() + "]: " + ex.getMessage(), ex);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.isAnnotated(ExpectTemplate.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Parameter p = parameter.getParameter();
    String where = "parameter " + parameter.getIndex() + " (" + p.getType().getSimpleName() + ") of "
        + parameter.getDeclaringExecutable().getDeclaringClass().getSimpleName() + "."
        + parameter.getDeclaringExecutable().getName();
    if (p.getType() != Match.class) {
      throw new ParameterResolutionException("@ExpectTemplate on [" + where + "]: the annotated parameter must be a Match, "
          + "but it is " + p.getType().getName() + "; declare it as dev.stormproof.vision.Match");
    }
    ExpectTemplate e = parameter.findAnnotation(ExpectTemplate.class).orElseThrow();
    if (e.after() || e.absent()) {
      throw new ParameterResolutionException("@ExpectTemplate on [" + where + "]: after and absent apply to methods only, "
          + "but this parameter sets " + (e.after() ? "after = true" : "absent = true")
          + "; put that @ExpectTemplate on the test method");
    }
    try {
      Vision vision = vision(context, where);
      Optional<Match> match = vision.awaitAll(List.of(expectation(vision, e, where, false))).get(0);
      return match.orElseThrow();
    } catch (ExtensionConfigurationException ex) {
      // JUnit wraps any other exception from a resolver in "Failed to resolve parameter [...]".
      throw new ParameterResolutionException(ex.getMessage(), ex);
    } catch (TemplateException ex) {
      throw new ParameterResolutionException("@ExpectTemplate on [" + where + "]: " + ex.getMessage(), ex);
    }
  }

  private static Vision vision(ExtensionContext context, String where) {
    if (context.getTestMethod().isEmpty()) {
      throw new ExtensionConfigurationException("@ExpectTemplate on [" + where + "]: expectations belong to one test, "
          + "but this is not a test method; use it on a @Test method or its Match parameter");
    }
    if (!OnDeviceExtension.activeFor(context)) {
      throw new ExtensionConfigurationException("@ExpectTemplate on [" + where + "]: needs a device, but neither "
          + context.getRequiredTestClass().getSimpleName() + " nor " + context.getRequiredTestMethod().getName()
          + " is annotated with @OnDevice; add @OnDevice to the class or the method");
    }
    return OnDeviceExtension.vision(context);
  }

  private static Expectation expectation(Vision vision, ExpectTemplate e, String where, boolean absent) {
    String prefix = "@ExpectTemplate(\"" + e.value() + "\") on [" + where + "]: ";
    if (e.threshold() != -1 && !(e.threshold() > 0 && e.threshold() <= 1)) {
      throw new ExtensionConfigurationException(prefix + "threshold must be in (0, 1], but it is " + e.threshold()
          + "; use for example threshold = 0.9, or leave it out for the configured default");
    }
    try {
      Expectation expectation = Expectation.of(vision, e.value(), e.threshold() == -1 ? 0 : e.threshold(), e.timeout(),
          region(e.region(), vision.screenSize(), prefix), e.scales(), absent);
      if (!e.color()) {
        return expectation;
      }
      Template colored = expectation.template().withColorCheck(true);
      return absent ? Expectation.absent(colored) : Expectation.visible(colored);
    } catch (IllegalArgumentException | IllegalStateException ex) {
      throw new ExtensionConfigurationException(prefix + ex.getMessage(), ex);
    }
  }

  /** Fractions of the screen to the pixel form {@code x,y,width,height} of the current device. */
  static String region(double[] fractions, Size screen, String prefix) {
    if (fractions.length == 0) {
      return "";
    }
    if (fractions.length != 4) {
      throw new ExtensionConfigurationException(prefix + "region must be {x, y, width, height} as fractions of the screen, "
          + "but it has " + fractions.length + " values; use for example region = {0, 0.5, 1, 0.5} for the lower half");
    }
    for (double f : fractions) {
      if (!(f >= 0 && f <= 1)) {
        throw new ExtensionConfigurationException(prefix + "region values are fractions of the screen in [0, 1], but one is "
            + f + "; use for example region = {0, 0.5, 1, 0.5} for the lower half");
      }
    }
    if (fractions[2] == 0 || fractions[3] == 0 || fractions[0] + fractions[2] > 1.0001 || fractions[1] + fractions[3] > 1.0001) {
      throw new ExtensionConfigurationException(prefix + String.format(Locale.ROOT,
          "region {%s, %s, %s, %s} is empty or leaves the screen; keep x + width and y + height within 1",
          fractions[0], fractions[1], fractions[2], fractions[3]));
    }
    int x = (int) Math.round(fractions[0] * screen.width());
    int y = (int) Math.round(fractions[1] * screen.height());
    int w = Math.max(1, Math.min(screen.width() - x, (int) Math.round(fractions[2] * screen.width())));
    int h = Math.max(1, Math.min(screen.height() - y, (int) Math.round(fractions[3] * screen.height())));
    return x + "," + y + "," + w + "," + h;
  }
}
