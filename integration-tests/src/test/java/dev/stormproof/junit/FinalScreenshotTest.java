package dev.stormproof.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormproof.device.Device;
import dev.stormproof.testing.RecordingSink;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@code stormproof.report.screenshot}: the screen as each test left it, in the report. */
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
}
