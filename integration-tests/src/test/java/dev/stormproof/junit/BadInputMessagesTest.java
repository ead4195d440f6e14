package dev.stormproof.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.stormproof.device.Device;
import dev.stormproof.device.DeviceNotFoundException;
import dev.stormproof.device.Point;
import dev.stormproof.testing.TestAdbServer;
import dev.stormproof.vision.Match;
import dev.stormproof.vision.Vision;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Every kind of bad input a test author can write, run through the engine as they would meet it,
 * each failure asserted word for word in this one place. Shape for annotation misuse:
 * {@code @Annotation on [element]: rule broken, actual value; how to fix}.
 */
class BadInputMessagesTest {

  private static EngineExecutionResults run(Class<?> type, Map<String, String> extra) {
    Map<String, String> config = new HashMap<>(Map.of("stormproof.device", "virtual", "stormproof.virtual.size", "200x400",
        "stormproof.virtual.latency.fast", "true", "stormproof.vision.timeout", "1s"));
    config.putAll(extra);
    return EngineTestKit.engine("junit-jupiter").configurationParameters(config).selectors(selectClass(type)).execute();
  }

  /** The only failure of the run (a test's, else the class's). */
  private static Throwable failure(Class<?> type) {
    return failure(type, Map.of());
  }

  private static Throwable failure(Class<?> type, Map<String, String> extra) {
    EngineExecutionResults r = run(type, extra);
    List<Event> failed = r.allEvents().failed().list();
    assertThat(failed).as("failed events of %s", type.getSimpleName()).hasSize(1);
    Throwable t = failed.get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    return t;
  }

  // --- templates -------------------------------------------------------------------------------

  @OnDevice
  static class MissingTemplate {
    @Test
    @ExpectTemplate("rel/missing.png")
    void t() { }
  }

  @OnDevice
  static class EmptyTemplate {
    @Test
    @ExpectTemplate("rel/empty.png")
    void t() { }
  }

  @OnDevice
  static class CorruptTemplate {
    @Test
    @ExpectTemplate("rel/corrupt.png")
    void t() { }
  }

  @OnDevice
  static class TemplateLargerThanTheScreen {
    @Test
    @ExpectTemplate("rel/huge.png")
    void t() { }
  }

  @OnDevice
  static class TemplateOutsideTheFolder {
    @Test
    @ExpectTemplate("rel/../../secrets.png")
    void t() { }
  }

  @Test
  void a_template_path_that_climbs_out_of_the_templates_folder() {
    assertThat(failure(TemplateOutsideTheFolder.class)).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("@ExpectTemplate(\"rel/../../secrets.png\") on [method t]: template path 'rel/../../secrets.png' leaves "
            + "templates/: use a relative path inside it without '..', '.', empty segments, '\\', ':' or a leading '/', "
            + "for example arena/shop.png");
  }

  @Test
  void missing_empty_corrupt_and_oversized_templates() {
    assertThat(failure(MissingTemplate.class)).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("@ExpectTemplate(\"rel/missing.png\") on [method t]: template rel/missing.png not found: no class path resource "
        + "templates/rel/missing.png; add the image as src/test/resources/templates/rel/missing.png");
    assertThat(failure(EmptyTemplate.class)).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("@ExpectTemplate(\"rel/empty.png\") on [method t]: template rel/empty.png is empty (0 bytes in "
        + "templates/rel/empty.png): re-export it as a PNG");
    assertThat(failure(CorruptTemplate.class)).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("@ExpectTemplate(\"rel/corrupt.png\") on [method t]: template rel/corrupt.png is not a readable image (22 bytes "
        + "in templates/rel/corrupt.png): re-export it as a PNG");
    assertThat(failure(TemplateLargerThanTheScreen.class)).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("@ExpectTemplate on [method t]: template rel/huge.png (300x500 at scale 1.00) is larger than the 200x400 screen: "
        + "crop a smaller template or search a larger region");
  }

  @OnDevice
  static class AnnotationThreshold {
    @Test
    @ExpectTemplate(value = "rel/box.png", threshold = 1.5)
    void t() { }
  }

  @OnDevice
  static class AnnotationZeroThreshold {
    @Test
    @ExpectTemplate(value = "rel/box.png", threshold = 0)
    void t() { }
  }

  @OnDevice
  static class TemplateThreshold {
    @Test
    void t(Vision vision) {
      vision.template("rel/box.png").withThreshold(-0.1);
    }
  }

  @Test
  void thresholds_outside_zero_to_one() {
    assertThat(failure(AnnotationThreshold.class)).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("@ExpectTemplate(\"rel/box.png\") on [method t]: threshold must be in (0, 1], but it is 1.5; use for example "
        + "threshold = 0.9, or leave it out for the configured default");
    assertThat(failure(AnnotationZeroThreshold.class)).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("@ExpectTemplate(\"rel/box.png\") on [method t]: threshold must be in (0, 1], but it is 0.0; use for example "
        + "threshold = 0.9, or leave it out for the configured default");
    assertThat(failure(TemplateThreshold.class)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("template rel/box.png: threshold -0.1 is outside (0, 1]: use a TM_CCOEFF_NORMED score such as 0.9");
  }

  // --- device calls ------------------------------------------------------------------------------

  @OnDevice
  static class TapOffScreen {
    @Test
    void t(Device d) {
      d.tap(Point.of(200, 10));
    }
  }

  @OnDevice
  static class ZeroSwipe {
    @Test
    void t(Device d) {
      d.swipe(Point.of(1, 1), Point.of(5, 5), Duration.ZERO);
    }
  }

  @OnDevice
  static class NegativeLongPress {
    @Test
    void t(Device d) {
      d.longPress(Point.of(1, 1), Duration.ofMillis(-5));
    }
  }

  @Test
  void taps_off_screen_and_durations_that_are_not_positive() {
    assertThat(failure(TapOffScreen.class)).isInstanceOf(IllegalArgumentException.class)
        .message().matches("tap at \\(200, 10\\) is off screen: 127\\.0\\.0\\.1:\\d+ is 200x400; use 0 <= x < 200 and 0 <= y < 400");
    assertThat(failure(ZeroSwipe.class)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("swipe duration 0 ms is not positive; use for example Duration.ofMillis(300)");
    assertThat(failure(NegativeLongPress.class)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("longPress duration -5 ms is not positive; use for example Duration.ofMillis(300)");
  }

  // --- device selection --------------------------------------------------------------------------

  @OnDevice
  static class AnyTest {
    @Test
    void t(Device d) { }
  }

  @OnDevice
  static class AnyVisionTest {
    @Test
    void t(dev.stormproof.vision.Vision v) { }
  }

  @Test
  void a_bad_vision_key_fails_with_its_own_words_not_buried() {
    assertThat(failure(AnyVisionTest.class, Map.of("stormproof.vision.threshold", "1.5")))
        .hasMessage("@OnDevice on [AnyVisionTest]: stormproof.vision.threshold=1.5 is refused: VisionOptions:"
            + " threshold 1.5 is outside (0, 1]: use a TM_CCOEFF_NORMED score such as 0.9");
  }

  @Test
  void an_unknown_serial_and_an_unreachable_adb_server() throws Exception {
    try (TestAdbServer server = new TestAdbServer()) {
      assertThat(failure(AnyTest.class, Map.of("stormproof.device", "emulator-9998",
          "stormproof.adb.servers", "127.0.0.1:" + server.port))).isInstanceOf(DeviceNotFoundException.class)
        .hasMessage("device emulator-9998 is not online on any adb server (asked [127.0.0.1:" + server.port + "], online: none); "
          + "check 'adb devices', stormproof.device, ANDROID_SERIAL and stormproof.adb.servers");
    }
    int dead = TestAdbServer.freePort();
    assertThat(failure(AnyTest.class, Map.of("stormproof.device", "any", "stormproof.adb.servers", "127.0.0.1:" + dead)))
        .isInstanceOf(DeviceNotFoundException.class)
        .hasMessage("adb server 127.0.0.1:" + dead + " (from stormproof.adb.servers) does not answer: connection refused; start it with "
        + "'adb -P " + dead + " start-server' or remove it from stormproof.adb.servers");
  }

  // --- annotation misuse -------------------------------------------------------------------------

  @OnDevice
  static class NotAMatch {
    @Test
    void t(@ExpectTemplate("rel/box.png") String match) { }
  }

  static class ExpectWithoutOnDevice {
    @Test
    @ExpectTemplate("rel/box.png")
    void t() { }
  }

  static class MatchWithoutOnDevice {
    @Test
    void t(@ExpectTemplate("rel/box.png") Match match) { }
  }

  @LeakGuard
  static class DeviceWithoutOnDevice {
    @Test
    void t(Device d) { }
  }

  // No Stormproof annotation, so no Stormproof extension to explain: JUnit's own message remains.
  static class DeviceWithoutAnyStormproofAnnotation {
    @Test
    void t(Device d) { }
  }

  @Test
  void annotation_misuse() {
    assertThat(failure(NotAMatch.class)).isInstanceOf(ParameterResolutionException.class)
        .hasMessage("@ExpectTemplate on [parameter 0 (String) of NotAMatch.t]: the annotated parameter must be a Match, but it is "
        + "java.lang.String; declare it as dev.stormproof.vision.Match");
    assertThat(failure(ExpectWithoutOnDevice.class)).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("@ExpectTemplate on [method t]: needs a device, but neither ExpectWithoutOnDevice nor t is annotated with @OnDevice; "
        + "add @OnDevice to the class or the method");
    assertThat(failure(MatchWithoutOnDevice.class)).isInstanceOf(ParameterResolutionException.class)
        .hasMessage("@ExpectTemplate on [parameter 0 (Match) of MatchWithoutOnDevice.t]: needs a device, but neither MatchWithoutOnDevice "
        + "nor t is annotated with @OnDevice; add @OnDevice to the class or the method");
    assertThat(failure(DeviceWithoutOnDevice.class)).isInstanceOf(ParameterResolutionException.class)
        .hasMessage("@OnDevice on [parameter 0 (Device) of DeviceWithoutOnDevice.t]: a Device is injected only under @OnDevice, but "
        + "neither DeviceWithoutOnDevice nor t is annotated with @OnDevice; add @OnDevice to the class or the method");
    assertThat(failure(DeviceWithoutAnyStormproofAnnotation.class)).isInstanceOf(ParameterResolutionException.class)
        .message().startsWith("No ParameterResolver registered for parameter [dev.stormproof.device.Device ");
  }
}
