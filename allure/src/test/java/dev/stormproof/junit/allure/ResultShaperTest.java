package dev.stormproof.junit.allure;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.model.Label;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link ResultShaper}: headline messages, nested suites, readable names. */
class ResultShaperTest {

  @DisplayName("Outer suite")
  static class Outer {
    @Nested
    @DisplayName("Inner suite")
    class Inner {
      @Nested
      class Deepest {}
    }
  }

  private static TestResult result(String name, String testClass, Status status, String message, String trace) {
    List<Label> labels = new ArrayList<>();
    labels.add(new Label().setName("testClass").setValue(testClass));
    labels.add(new Label().setName("suite").setValue("whatever Allure chose"));
    return new TestResult().setName(name).setLabels(labels).setStatus(status)
        .setStatusDetails(new StatusDetails().setMessage(message).setTrace(trace));
  }

  private static List<String> suites(TestResult r) {
    return r.getLabels().stream().filter(l -> l.getName().endsWith("uite"))
        .map(l -> l.getName() + "=" + l.getValue()).toList();
  }

  @Test
  void aFailureMessageBecomesItsHeadlineAndTheTraceKeepsTheFullMessage() {
    String message = "arena/x.png not found within 2s: best score 0.41 at (616, 1128) below threshold 0.90 (margin -0.49)";
    String trace = "dev.stormproof.vision.TemplateNotFoundError: " + message + "\n\tat a.B.c(B.java:1)";
    TestResult r = result("t", "a.B", Status.FAILED, message, trace);
    new ResultShaper().beforeTestWrite(r);
    assertThat(r.getStatusDetails().getMessage()).isEqualTo("Visual: a template was not found in time");
    assertThat(r.getStatusDetails().getTrace()).isEqualTo(trace);
  }

  @Test
  void passedResultsKeepTheirDetails() {
    TestResult r = result("t", "a.B", Status.PASSED, "kept", null);
    new ResultShaper().beforeTestWrite(r);
    assertThat(r.getStatusDetails().getMessage()).isEqualTo("kept");
  }

  @Test
  void nestedClassesSitUnderTheirEnclosingClassesDisplayNames() {
    TestResult inner = result("t", Outer.Inner.class.getName(), Status.PASSED, null, null);
    new ResultShaper().beforeTestWrite(inner);
    assertThat(suites(inner)).containsExactly("parentSuite=Outer suite", "suite=Inner suite");
    TestResult deepest = result("t", Outer.Inner.Deepest.class.getName(), Status.PASSED, null, null);
    new ResultShaper().beforeTestWrite(deepest);
    assertThat(suites(deepest)).containsExactly("parentSuite=Outer suite", "suite=Inner suite", "subSuite=Deepest");
    TestResult top = result("t", "a.B", Status.PASSED, null, null);
    new ResultShaper().beforeTestWrite(top);
    assertThat(suites(top)).containsExactly("suite=whatever Allure chose");
  }

  @Test
  void javaSignaturesLoseTheirParameterTypes() {
    TestResult r = result("stormOfTaps(Device, Match, TaskScope) repetition 3 of 3", "a.B", Status.PASSED, null, null);
    new ResultShaper().beforeTestWrite(r);
    assertThat(r.getName()).isEqualTo("stormOfTaps repetition 3 of 3");
    TestResult named = result("A purchase (with tax) works", "a.B", Status.PASSED, null, null);
    new ResultShaper().beforeTestWrite(named);
    assertThat(named.getName()).isEqualTo("A purchase (with tax) works");
  }
}
