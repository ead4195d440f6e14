package dev.stormproof.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.stormproof.device.Device;
import dev.stormproof.device.virtual.arena.Arena;
import dev.stormproof.vision.TextMatch;
import dev.stormproof.vision.TextNotFoundError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EngineTestKit;

/** {@link ExpectText} on Arena's title screen (PLAY in the lower half), run through EngineTestKit. */
class ExpectTextTest {

  static final List<TextMatch> INJECTED = new java.util.concurrent.CopyOnWriteArrayList<>();

  private static EngineExecutionResults run(Class<?> type, Map<String, String> extra) {
    Map<String, String> config = new HashMap<>(Map.of("stormproof.device", "virtual",
        "stormproof.virtual.latency.fast", "true", "stormproof.vision.timeout", "5s"));
    config.putAll(extra);
    return EngineTestKit.engine("junit-jupiter").configurationParameters(config).selectors(selectClass(type)).execute();
  }

  private static Throwable failure(Class<?> type, Map<String, String> extra) {
    List<Event> failed = run(type, extra).allEvents().failed().list();
    assertThat(failed).as("failed events of %s", type.getSimpleName()).hasSize(1);
    return failed.get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
  }

  abstract static class OnTitle {
    @BeforeEach
    void launch(Device device) {
      device.startApp(Arena.COMPONENT);
    }
  }

  @OnDevice
  static class BeforeAndAfter extends OnTitle {
    @Test
    @ExpectText(value = "PLAY", region = {0, 0.6, 1, 0.3})
    @ExpectText(value = "VICTORY!", absent = true, region = {0, 0.6, 1, 0.3})
    @ExpectText(value = "BATTLE", after = true, region = {0, 0.6, 1, 0.3})
    void t(@ExpectText(value = "play", region = {0, 0.6, 1, 0.3}) TextMatch play, Device device) {
      INJECTED.add(play);
      device.tap(play.center());
    }
  }

  @Test
  void expectationsBeforeAndAfterPassAndTheMatchIsInjected() {
    INJECTED.clear();
    EngineExecutionResults r = run(BeforeAndAfter.class, Map.of());
    assertThat(r.testEvents().failed().count()).as("%s", r.allEvents().failed().list()).isZero();
    assertThat(r.testEvents().succeeded().count()).isEqualTo(1);
    assertThat(INJECTED).singleElement().satisfies(m -> {
      assertThat(m.text()).isEqualTo("PLAY");
      assertThat(m.region().y()).isGreaterThan(1440); // the lower part of a 2400-row screen
    });
  }

  @OnDevice
  static class NeverShown extends OnTitle {
    @Test
    @ExpectText(value = "DEFEAT", region = {0, 0.6, 1, 0.3}, timeout = "700ms")
    void t() { }
  }

  @Test
  void aTextNeverShownFailsWithWhatWasRead() {
    assertThat(failure(NeverShown.class, Map.of())).isInstanceOf(TextNotFoundError.class)
        .hasMessageStartingWith("text 'DEFEAT' not found in region 0,1440,1080,720 within 700ms: read '");
  }

  @OnDevice
  static class WrongParameterType extends OnTitle {
    @Test
    void t(@ExpectText("PLAY") String play) { }
  }

  @OnDevice
  static class EmptyText extends OnTitle {
    @Test
    @ExpectText(" ")
    void t() { }
  }

  static class NoDevice {
    @Test
    @ExpectText("PLAY")
    void t() { }
  }

  @Test
  void misuseFailsBeforeTheTestNamingTheFix() {
    assertThat(failure(WrongParameterType.class, Map.of())).isInstanceOf(ParameterResolutionException.class)
        .hasMessage("@ExpectText on [parameter 0 (String) of WrongParameterType.t]: the annotated parameter must be a "
            + "TextMatch, but it is java.lang.String; declare it as dev.stormproof.vision.TextMatch");
    assertThat(failure(EmptyText.class, Map.of())).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("@ExpectText(\" \") on [method t]: the text to expect is empty: give the words as the screen "
            + "shows them, for example \"COLLECT\"");
    assertThat(failure(NoDevice.class, Map.of())).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("@ExpectText");
  }

  @Test
  void trainedDataMissingFromTheConfiguredFolderNamesTheKeyAndTheFix() {
    assertThat(failure(NeverShown.class, Map.of("stormproof.text.tessdata", "/nonexistent/tessdata")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("stormproof.text.tessdata='/nonexistent/tessdata' holds no eng.traineddata: point it at the "
            + "folder that holds it (Debian: apt-get install tesseract-ocr-eng, then /usr/share/tesseract-ocr/5/tessdata), "
            + "or remove the key to search the usual places");
  }
}
