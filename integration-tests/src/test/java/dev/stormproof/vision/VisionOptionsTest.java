package dev.stormproof.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VisionOptionsTest {

  private static VisionOptions from(Map<String, String> config) {
    return VisionOptions.fromConfig(k -> Optional.ofNullable(config.get(k)));
  }

  @Test
  void defaultsAreTheDocumentedConstants() {
    VisionOptions o = from(Map.of());
    assertThat(o.threshold()).isEqualTo(VisionOptions.DEFAULT_THRESHOLD);
    assertThat(o.timeout()).isEqualTo(Duration.ofMillis(VisionOptions.DEFAULT_TIMEOUT_MILLIS));
    assertThat(o.poll()).isEqualTo(Duration.ofMillis(VisionOptions.DEFAULT_POLL_MILLIS));
    assertThat(o.minScale()).isEqualTo(1.0);
    assertThat(o.maxScale()).isEqualTo(1.0);
    assertThat(o.templateRoot()).isEqualTo("templates");
    assertThat(o.referenceShortSide()).isZero();
  }

  @Test
  void everyKeyIsRead() {
    VisionOptions o = from(Map.of(
        "stormproof.vision.threshold", "0.85",
        "stormproof.vision.timeout", "2.5s",
        "stormproof.vision.poll", "PT0.05S",
        "stormproof.vision.scales", "0.75-1.33",
        "stormproof.vision.colorTolerance", "0.2",
        "stormproof.vision.templates", "img/",
        "stormproof.vision.templateCacheBytes", "8m",
        "stormproof.vision.resultCacheSize", "0",
        "stormproof.vision.maxResults", "10",
        "stormproof.vision.referenceShortSide", "1080"));
    assertThat(o.threshold()).isEqualTo(0.85);
    assertThat(o.timeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(o.poll()).isEqualTo(Duration.ofMillis(50));
    assertThat(o.minScale()).isEqualTo(0.75);
    assertThat(o.maxScale()).isEqualTo(1.33);
    assertThat(o.colorTolerance()).isEqualTo(0.2);
    assertThat(o.templateRoot()).isEqualTo("img");
    assertThat(o.templateCacheBytes()).isEqualTo(8L << 20);
    assertThat(o.resultCacheSize()).isZero();
    assertThat(o.maxResults()).isEqualTo(10);
    assertThat(o.baseScale(720, 1600)).isEqualTo(720 / 1080.0);
    assertThat(o.withThreshold(0.95).referenceShortSide()).as("copies keep every field").isEqualTo(1080);
  }

  @Test
  void badValuesNameTheKeyTheValueAndTheFix() {
    assertThatThrownBy(() -> from(Map.of("stormproof.vision.threshold", "1.2")))
        .hasMessage("stormproof.vision.threshold=1.2 is refused: VisionOptions: threshold 1.2 is outside (0, 1]: use a TM_CCOEFF_NORMED score such as 0.9");
    assertThatThrownBy(() -> from(Map.of("stormproof.vision.timeout", "later")))
        .hasMessage("stormproof.vision.timeout='later' is not a duration: use 500ms, 5s, 2m or PT5S");
    assertThatThrownBy(() -> from(Map.of("stormproof.vision.scales", "big")))
        .hasMessage("stormproof.vision.scales='big' is not a scale range: use 0.75-1.33 or 1");
    assertThatThrownBy(() -> from(Map.of("stormproof.vision.templates", "../x")))
        .hasMessage("stormproof.vision.templates=../x is refused: template root '../x' is not a relative class path folder: use for example templates");
  }
}
