package dev.stormproof.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class DurationTextTest {

  @Test
  void readsEveryShapeIgnoringCaseAndBlanks() {
    assertThat(DurationText.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(DurationText.parse(" 10 S ")).isEqualTo(Duration.ofSeconds(10));
    assertThat(DurationText.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(DurationText.parse("0.0004s")).isEqualTo(Duration.ZERO);
    assertThat(DurationText.parse("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(DurationText.parse("pt10s")).isEqualTo(Duration.ofSeconds(10));
    assertThat(DurationText.parse("-5s")).isEqualTo(Duration.ofSeconds(-5));
  }

  @Test
  void rejectsOtherShapesWithoutAUserMessage() {
    assertThatThrownBy(() -> DurationText.parse("soon")).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> DurationText.parse("10")).isInstanceOf(NumberFormatException.class).hasMessage("10");
    assertThatThrownBy(() -> DurationText.parse("1.5m")).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> DurationText.parse("1.5ms")).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> DurationText.parse("PTX")).isInstanceOf(DateTimeParseException.class);
  }
}
