package dev.stormproof.junit.allure;

import dev.stormproof.allure.FailureKind;
import io.qameta.allure.listener.TestLifecycleListener;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shapes each Allure test result before it is written, so the report reads as QA expects:
 * a failure's message becomes its kind's headline ({@link FailureKind}; the full message stays
 * first in the trace), {@code @Nested} classes sit under their enclosing class in the Suites
 * tab, and a name that is a Java signature ({@code storm(Device, Match) repetition 1 of 3})
 * loses its parameter types. Registered as an Allure {@link TestLifecycleListener} service.
 */
public final class ResultShaper implements TestLifecycleListener {

  private static final Pattern SIGNATURE = Pattern.compile("^([\\w$]+)\\([^)]*\\)(.*)$");

  /** Created by Allure's service loader. */
  public ResultShaper() {}

  @Override
  public void beforeTestWrite(TestResult result) {
    headline(result);
    nest(result);
    Matcher m = SIGNATURE.matcher(result.getName() == null ? "" : result.getName());
    if (m.matches()) {
      result.setName(m.group(1) + m.group(2));
    }
  }

  static void headline(TestResult result) {
    StatusDetails details = result.getStatusDetails();
    if ((result.getStatus() != Status.FAILED && result.getStatus() != Status.BROKEN) || details == null) {
      return;
    }
    String message = details.getMessage();
    String trace = details.getTrace();
    if (trace == null || trace.isEmpty()) {
      details.setTrace(message);
    }
    FailureKind kind = FailureKind.of(message, trace);
    details.setMessage(kind.headline(message, trace));
  }

  /** Labels parentSuite / suite / subSuite from the chain of enclosing classes' display names. */
  static void nest(TestResult result) {
    Optional<String> testClass = label(result, "testClass");
    if (testClass.isEmpty() || !testClass.get().contains("$")) {
      return;
    }
    List<String> names = new ArrayList<>();
    try {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      // @Nested classes are inner classes: the chain ends at the first static (or top-level) class.
      Class<?> c = Class.forName(testClass.get(), false, loader);
      names.add(0, displayName(c));
      while (!java.lang.reflect.Modifier.isStatic(c.getModifiers()) && c.getEnclosingClass() != null) {
        c = c.getEnclosingClass();
        names.add(0, displayName(c));
      }
    } catch (ClassNotFoundException | LinkageError e) {
      return; // the result keeps Allure's own suite label
    }
    if (names.size() < 2) {
      return;
    }
    result.getLabels().removeIf(l -> l.getName().equals("parentSuite") || l.getName().equals("suite")
        || l.getName().equals("subSuite"));
    result.getLabels().add(new Label().setName("parentSuite").setValue(names.get(0)));
    result.getLabels().add(new Label().setName("suite").setValue(names.get(1)));
    if (names.size() > 2) {
      result.getLabels().add(new Label().setName("subSuite").setValue(String.join(" / ", names.subList(2, names.size()))));
    }
  }

  // By name: the allure module does not compile against the Jupiter API (users bring their JUnit).
  private static String displayName(Class<?> c) {
    for (java.lang.annotation.Annotation a : c.getAnnotations()) {
      if (a.annotationType().getName().equals("org.junit.jupiter.api.DisplayName")) {
        try {
          return String.valueOf(a.annotationType().getMethod("value").invoke(a));
        } catch (ReflectiveOperationException e) {
          break;
        }
      }
    }
    return c.getSimpleName();
  }

  private static Optional<String> label(TestResult result, String name) {
    return result.getLabels().stream().filter(l -> name.equals(l.getName())).map(Label::getValue).findFirst();
  }
}
