package dev.stormproof.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormproof.device.Size;
import dev.stormproof.device.virtual.arena.ArenaOptions;
import dev.stormproof.device.virtual.arena.ArenaTour;
import dev.stormproof.device.virtual.arena.Bounds;
import dev.stormproof.leak.Ledger;
import dev.stormproof.report.ReportSinks;
import dev.stormproof.testing.RecordingSink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading Arena's text and counters through {@link ScreenText}, ground truth from the scene model. */
class TextReadTest {

  private static Map<String, ArenaTour.Stop> stops;
  private final Ledger ledger = new Ledger();
  private final RecordingSink sink = new RecordingSink();
  private FakeDevice device;
  private Vision vision;

  @BeforeAll
  static void tour() {
    stops = ArenaTour.walk(ArenaOptions.defaults(), new Size(1080, 2400)).stream()
        .collect(Collectors.toMap(ArenaTour.Stop::name, s -> s));
  }

  private Vision open(String stop) {
    return open(stop, Duration.ofSeconds(10));
  }

  private Vision open(String stop, Duration timeout) {
    device = new FakeDevice(stops.get(stop).frame());
    vision = Vision.open(device, VisionOptions.defaults().withTimeout(timeout), ledger, "text-test",
        ReportSinks.of(sink));
    return vision;
  }

  @AfterEach
  void close() {
    if (vision != null) {
      vision.close();
    }
  }

  static Region region(ArenaTour.Stop stop, String element) {
    Bounds b = stop.element(element).bounds();
    return new Region(b.x(), b.y(), b.width(), b.height());
  }

  @Test
  void readsButtonsLabelsAndCountersAsTheSceneModelSays() {
    ScreenText text = open("victory").text();
    ArenaTour.Stop victory = stops.get("victory");
    assertThat(text.read(region(victory, "reward_title"))).isEqualTo("VICTORY!");
    assertThat(text.read(region(victory, "collect"))).isEqualTo("COLLECT");
    assertThat(text.number(region(victory, "reward_amount"), NumberStyle.PLAIN)).isEqualTo(100);
    assertThat(sink.events).anyMatch(e -> e.startsWith("read PLAIN number 100 in " + region(victory, "reward_amount")));
  }

  @Test
  void readsEveryShopPriceExactly() {
    ScreenText text = open("shop").text();
    ArenaTour.Stop shop = stops.get("shop");
    List<String> prices = shop.scene().elements().stream().filter(e -> e.name().startsWith("price_")).map(e -> e.name()).toList();
    assertThat(prices).hasSizeGreaterThanOrEqualTo(8);
    for (String p : prices) {
      assertThat(text.number(region(shop, p), NumberStyle.GROUPED)).as(p)
          .isEqualTo(Long.parseLong(shop.element(p).text()));
    }
    assertThat(text.number(region(shop, "coins"), NumberStyle.GROUPED)).isEqualTo(Long.parseLong(shop.element("coins").text()));
  }

  @Test
  void findsAndTapsATextInsideItsElement() {
    ScreenText text = open("victory").text();
    Bounds collect = stops.get("victory").element("collect").bounds();
    Bounds panel = stops.get("victory").element("reward_panel").bounds();
    TextMatch m = text.tap("COLLECT", new Region(panel.x(), panel.y() + panel.height() / 2, panel.width(), panel.height() / 2));
    assertThat(device.taps).hasSize(1);
    assertThat(collect.contains(device.taps.get(0).x(), device.taps.get(0).y())).as("tap %s inside %s", m, collect).isTrue();
  }

  @Test
  void aControlIsFoundByOcrWhenTheDeviceGivesNoUiTree() {
    ScreenText text = open("victory").text();
    Bounds collect = stops.get("victory").element("collect").bounds();
    TextMatch m = text.tapControl("COLLECT", null);
    assertThat(collect.contains(device.taps.get(0).x(), device.taps.get(0).y())).as("tap %s inside %s", m, collect).isTrue();
    assertThat(sink.events).contains("found control " + m + " by OCR");
  }

  @Test
  void waitsForATextToAppearAndToVanishOneFramePerPoll() {
    ScreenText text = open("battle").text();
    Region title = region(stops.get("victory"), "reward_title");
    device.showFrom(3, stops.get("victory").frame());
    assertThat(text.waitFor("VICTORY!", title).text()).isEqualTo("VICTORY!");
    assertThat(device.screenshots.get()).isEqualTo(3);
    device.showFrom(device.screenshots.get() + 2, stops.get("lobby").frame());
    text.waitVanish("VICTORY!", title);
    assertThat(device.screenshots.get()).isGreaterThanOrEqualTo(5);
  }

  @Test
  void aTextThatNeverAppearsFailsNamingWhatWasRead() {
    ScreenText text = open("victory", Duration.ofMillis(600)).text();
    Region title = region(stops.get("victory"), "reward_title");
    assertThatThrownBy(() -> text.waitFor("DEFEAT", title))
        .isInstanceOf(TextNotFoundError.class)
        .hasMessageStartingWith("text 'DEFEAT' not found in region " + title + " within 600ms: read 'VICTORY!' (confidence ");
    // The failure shows the region as captured and as Tesseract saw it (the most confident variant).
    assertThat(sink.attachments).extracting(RecordingSink.Attachment::name)
        .contains("text region " + title + " as captured")
        .anyMatch(n -> n.startsWith("text region " + title + " as read ("));
  }

  @Test
  void aRegionWithoutANumberFailsNamingTheRegionAndTheFix() {
    ScreenText text = open("victory").text();
    Region title = region(stops.get("victory"), "reward_title");
    assertThatThrownBy(() -> text.number(title, NumberStyle.CLOCK))
        .isInstanceOf(TextNotFoundError.class)
        .hasMessageStartingWith("no CLOCK number in region " + title + ": read '")
        .hasMessageEndingWith("; check the region (the report shows it as captured and as read) or the style "
            + "(PLAIN 1250, GROUPED 1,250, MULTIPLIER x3, CLOCK 12:05)");
  }

  @Test
  void aRegionOutsideTheScreenIsRefusedWithAnExample() {
    ScreenText text = open("lobby").text();
    assertThatThrownBy(() -> text.read(Region.of(2000, 0, 100, 100)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("text region 2000,0,100,100 lies outside the 1080x2400 screen: give x,y,width,height inside it, "
            + "for example 0,0,1080,240");
  }

  @Test
  void missingTrainedDataNamesTheKeyTheFolderAndTheFix(@TempDir Path empty) {
    Vision v = open("lobby").textOptions(TextOptions.defaults().withTessdata(empty));
    assertThatThrownBy(() -> v.text().read(Region.of(0, 0, 100, 100)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("stormproof.text.tessdata='" + empty + "' holds no eng.traineddata: point it at the folder that "
            + "holds it (Debian: apt-get install tesseract-ocr-eng, then /usr/share/tesseract-ocr/5/tessdata), "
            + "or remove the key to search the usual places");
    assertThat(ledger.live("text-test")).extracting(Ledger.Entry::description).doesNotContain("TessBaseAPI");
  }

  @Test
  void theEngineIsOwnedByTheVisionAndFreedWithIt() {
    ScreenText text = open("lobby").text();
    text.read(region(stops.get("lobby"), "battle"));
    assertThat(ledger.live("text-test")).extracting(Ledger.Entry::description).contains("TessBaseAPI");
    vision.close();
    assertThat(ledger.live("text-test")).isEmpty();
  }

  @Test
  void tesseractResultsAreCountedInTheCallingScopeAndFreedWithIt() {
    try (LedgerScope outer = new LedgerScope(ledger, "engine")) {
      TextEngine engine = TextEngine.open(TextOptions.defaults(), outer);
      try {
        try (LedgerScope call = new LedgerScope(ledger, "call")) {
          org.bytedeco.opencv.opencv_core.Mat white = new org.bytedeco.opencv.opencv_core.Mat(60, 200,
              org.bytedeco.opencv.global.opencv_core.CV_8UC1, new org.bytedeco.opencv.opencv_core.Scalar(255.0));
          org.bytedeco.opencv.global.opencv_imgproc.putText(white, "HELLO", new org.bytedeco.opencv.opencv_core.Point(10, 45),
              org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX, 1.4,
              new org.bytedeco.opencv.opencv_core.Scalar(0.0), 3, 8, false);
          assertThat(engine.recognize(white, 7, "")).extracting(TextEngine.Word::text).containsExactly("HELLO");
          assertThat(ledger.live("call")).extracting(Ledger.Entry::description)
              .contains("OwnedIterator", "OwnedText");
        }
        assertThat(ledger.live("call")).isEmpty();
      } finally {
        engine.close();
      }
    }
    assertThat(ledger.live("engine")).isEmpty();
  }
}
