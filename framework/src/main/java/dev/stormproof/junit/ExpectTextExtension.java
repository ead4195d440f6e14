package dev.stormproof.junit;

import dev.stormproof.vision.Region;
import dev.stormproof.vision.TextExpectation;
import dev.stormproof.vision.TextMatch;
import dev.stormproof.vision.Vision;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link ExpectText}, shaped like {@link ExpectTemplateExtension}: the
 * "before" group is awaited in {@code beforeTestExecution}, the {@code after = true} group in
 * {@code afterTestExecution}, each with one {@code ScreenText.awaitAll} (one screenshot per poll);
 * a {@code TextMatch} parameter is awaited when JUnit resolves it.
 */
final class ExpectTextExtension implements BeforeTestExecutionCallback, AfterTestExecutionCallback, ParameterResolver {

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
    List<ExpectText> group = new ArrayList<>();
    for (ExpectText e : AnnotationSupport.findRepeatableAnnotations(method, ExpectText.class)) {
      if (e.after() == after) {
        group.add(e);
      }
    }
    if (group.isEmpty()) {
      return;
    }
    String where = "method " + method.getName();
    Vision vision = vision(context, where);
    List<TextExpectation> expectations = new ArrayList<>();
    for (ExpectText e : group) {
      expectations.add(expectation(vision, e, where, e.absent()));
    }
    vision.text().awaitAll(expectations);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.isAnnotated(ExpectText.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Parameter p = parameter.getParameter();
    String where = "parameter " + parameter.getIndex() + " (" + p.getType().getSimpleName() + ") of "
        + parameter.getDeclaringExecutable().getDeclaringClass().getSimpleName() + "."
        + parameter.getDeclaringExecutable().getName();
    if (p.getType() != TextMatch.class) {
      throw new ParameterResolutionException("@ExpectText on [" + where + "]: the annotated parameter must be a TextMatch, "
          + "but it is " + p.getType().getName() + "; declare it as dev.stormproof.vision.TextMatch");
    }
    ExpectText e = parameter.findAnnotation(ExpectText.class).orElseThrow();
    if (e.after() || e.absent()) {
      throw new ParameterResolutionException("@ExpectText on [" + where + "]: after and absent apply to methods only, "
          + "but this parameter sets " + (e.after() ? "after = true" : "absent = true")
          + "; put that @ExpectText on the test method");
    }
    try {
      Vision vision = vision(context, where);
      return vision.text().awaitAll(List.of(expectation(vision, e, where, false))).get(0).orElseThrow();
    } catch (ExtensionConfigurationException ex) {
      throw new ParameterResolutionException(ex.getMessage(), ex);
    }
  }

  private static Vision vision(ExtensionContext context, String where) {
    if (context.getTestMethod().isEmpty()) {
      throw new ExtensionConfigurationException("@ExpectText on [" + where + "]: expectations belong to one test, "
          + "but this is not a test method; use it on a @Test method or its TextMatch parameter");
    }
    if (!OnDeviceExtension.activeFor(context)) {
      throw new ExtensionConfigurationException("@ExpectText on [" + where + "]: needs a device, but neither "
          + context.getRequiredTestClass().getSimpleName() + " nor " + context.getRequiredTestMethod().getName()
          + " is annotated with @OnDevice; add @OnDevice to the class or the method");
    }
    return OnDeviceExtension.vision(context);
  }

  private static TextExpectation expectation(Vision vision, ExpectText e, String where, boolean absent) {
    String prefix = "@ExpectText(\"" + e.value() + "\") on [" + where + "]: ";
    try {
      String pixels = ExpectTemplateExtension.region(e.region(), vision.screenSize(), prefix);
      Region region = pixels.isEmpty() ? null : Region.parse(pixels);
      TextExpectation t = absent ? TextExpectation.absent(e.value(), region) : TextExpectation.visible(e.value(), region);
      if (!e.timeout().isBlank()) {
        t = t.withTimeout(parseTimeout(e.timeout(), prefix));
      }
      return t;
    } catch (IllegalArgumentException ex) {
      throw new ExtensionConfigurationException(prefix + ex.getMessage(), ex);
    }
  }

  private static java.time.Duration parseTimeout(String text, String prefix) {
    // VisionOptions owns the duration syntax; reuse it through a one-key configuration.
    return dev.stormproof.vision.VisionOptions.fromConfig(
        k -> k.equals("stormproof.vision.timeout") ? java.util.Optional.of(text) : java.util.Optional.empty()).timeout();
  }
}
