package dev.stormproof.device.adb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdbOptionsTest {

  private static AdbOptions from(Map<String, String> config) {
    return AdbOptions.fromConfig(k -> Optional.ofNullable(config.get(k)));
  }

  @Test
  void max_streams_defaults_reads_and_rejects() {
    assertThat(AdbOptions.defaults().maxStreams()).isEqualTo(AdbOptions.DEFAULT_MAX_STREAMS).isEqualTo(64);
    assertThat(from(Map.of("stormproof.adb.maxStreams", "8")).maxStreams()).isEqualTo(8);
    assertThat(from(Map.of("stormproof.adb.maxStreams", "8", "stormproof.adb.capture", "png")).capture()).isEqualTo(AdbOptions.Capture.PNG);
    assertThatThrownBy(() -> from(Map.of("stormproof.adb.maxStreams", "0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stormproof.adb.maxStreams=0 is not a positive whole number, for example 2");
    assertThatThrownBy(() -> AdbOptions.defaults().withMaxStreams(-1))
        .hasMessage("AdbOptions.maxStreams must be at least 1, got -1; use for example 64");
    assertThat(AdbOptions.defaults().withMaxStreams(3).withTimeout(java.time.Duration.ofSeconds(1)).maxStreams()).isEqualTo(3);
  }
}
