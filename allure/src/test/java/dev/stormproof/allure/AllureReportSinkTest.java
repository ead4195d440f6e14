package dev.stormproof.allure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormproof.report.ReportSinks;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

class AllureReportSinkTest {

  @Test
  void isDiscoveredThroughTheServiceLoader() {
    assertThat(ReportSinks.discover(getClass().getClassLoader()).isEmpty()).isFalse();
  }

  @Test
  void outsideATestStepsStillRunAndRethrowAndNothingIsWritten(@TempDir Path out) throws Exception {
    // A lifecycle with no test case started: what a plain main() or an unrelated thread sees.
    AllureLifecycle previous = Allure.getLifecycle();
    Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(out)));
    try {
      AllureReportSink sink = new AllureReportSink();
      assertThat(sink.step("outside", () -> 41 + 1)).isEqualTo(42);
      assertThatThrownBy(() -> sink.step("fails", () -> {
        throw new IllegalStateException("boom");
      })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
      sink.event("ignored");
      sink.attach("ignored", "text/plain", "txt", new byte[] {1});
    } finally {
      Allure.setLifecycle(previous);
    }
    try (var files = Files.list(out)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void deviceLabelsAreRememberedForTheEnvironmentPage() {
    AllureReportSink sink = new AllureReportSink();
    sink.label("device.model", "Arena Virtual");
    sink.label("device.model", "Pixel 8");
    sink.label("device.model", "Pixel 8");
    sink.label("owner", "qa");

    assertThat(AllureReportSink.environmentSeen()).containsEntry("device.model", "Arena Virtual, Pixel 8")
        .doesNotContainKey("owner");
  }
}
