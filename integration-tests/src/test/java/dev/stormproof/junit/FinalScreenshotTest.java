package dev.stormproof.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormproof.device.Device;
import dev.stormproof.testing.RecordingSink;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@code stormproof.report.screenshot}: the screen as each test left it, in the report; the
 * framework counters attachment; {@code stormproof.report.steps} validation.
 */
class FinalScreenshotTest {

  @OnDevice
  static class TwoTests {
    @Test
    void passes(Device device) {
      device.shell("echo ok");
    }

    @Test
    void fails(Device device) {
      throw new AssertionError("planted failure");
    }
  }

  private static List<String> attachmentsAfter(String policy) {
    RecordingSink.registered().clear();
    EngineExecutionResults r = OnDeviceTest.run(TwoTests.class, Map.of("stormproof.report.screenshot", policy));
    r.testEvents().assertStatistics(s -> s.succeeded(1).failed(1));
    return RecordingSink.registered().attachments.stream()
        .filter(a -> !a.name().equals("stormproof counters"))
        .peek(a -> assertThat(a.mimeType()).isEqualTo("image/jpeg"))
        .peek(a -> assertThat(a.content()).startsWith((byte) 0xff, (byte) 0xd8, (byte) 0xff))
        .map(RecordingSink.Attachment::name).toList();
  }

  @Test
  void alwaysAttachesTheFinalScreenOfEveryTestAsJpeg() {
    assertThat(attachmentsAfter("always"))
        .containsExactlyInAnyOrder("screen at the end of the test", "screen when the test failed");
  }

  @Test
  void failedAttachesOnlyForFailures() {
    assertThat(attachmentsAfter("failed")).containsExactly("screen when the test failed");
  }

  @Test
  void neverAttachesNothing() {
    assertThat(attachmentsAfter("never")).isEmpty();
  }

  @Test
  void anUnknownPolicyFailsBeforeTheTestAndStillReleasesTheDevice() {
    RecordingSink.registered().clear();
    EngineExecutionResults r = OnDeviceTest.run(TwoTests.class, Map.of("stormproof.report.screenshot", "sometimes"));
    r.testEvents().assertStatistics(s -> s.failed(2));
    assertThat(RecordingSink.registered().attachments).isEmpty();
    assertThat(r.testEvents().failed().stream()
        .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage()))
        .containsOnly("@OnDevice on [TwoTests]: stormproof.report.screenshot must be always, failed or never, "
            + "but it is 'sometimes'; fix it in junit-platform.properties or -D");
  }

  @Test
  void countersGoIntoOneAttachmentPerTestNotSteps() {
    RecordingSink.registered().clear();
    OnDeviceTest.run(TwoTests.class, Map.of()).testEvents().assertStatistics(s -> s.succeeded(1).failed(1));
    List<String> counters = RecordingSink.registered().attachments.stream()
        .filter(a -> a.name().equals("stormproof counters"))
        .peek(a -> assertThat(a.mimeType()).isEqualTo("text/plain"))
        .map(a -> new String(a.content(), java.nio.charset.StandardCharsets.UTF_8)).toList();
    assertThat(counters).hasSize(2).contains(
        "frames captured: 0\nbursts of taps from tasks: 0\nshell calls: 1\n  echo ok: 1\n");
    assertThat(RecordingSink.registered().events).noneMatch(e -> e.startsWith("vision:") || e.startsWith("shell"));
  }

  @Test
  void anUnknownStepModeFailsBeforeTheTestWithTheFix() {
    RecordingSink.registered().clear();
    EngineExecutionResults r = OnDeviceTest.run(TwoTests.class, Map.of("stormproof.report.steps", "pictures"));
    r.testEvents().assertStatistics(s -> s.failed(2));
    assertThat(r.testEvents().failed().stream()
        .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage()))
        .containsOnly("@OnDevice on [TwoTests]: stormproof.report.steps must be screens, actions or off, but it is "
            + "'pictures'; fix it in junit-platform.properties or -Dstormproof.report.steps=screens");
  }
}
