package dev.stormproof.samples;

import dev.stormproof.junit.TemplateLintTests;
import dev.stormproof.lint.LintOptions;
import dev.stormproof.device.Size;
import dev.stormproof.vision.VisionOptions;

/**
 * The template lint on the sample templates against the recorded Arena screens in
 * {@code src/test/resources/screens}: one test per template. The screens are rendered at 360x800
 * to keep the repository small (see docs/INSPECTOR.md to render them again); with
 * {@code referenceShortSide=1080} the templates, cut at 1080x2400, match there at scale 1/3, a
 * harder test than any size the suite runs on.
 */
class TemplateLintTest extends TemplateLintTests {

  @Override
  protected LintOptions options(VisionOptions vision) {
    // The BUY buttons: ShopTest tells green from red by colour, and finds every one with findAll.
    return LintOptions.of(vision).withColorChecked("arena/buy.png", "arena/buy_red.png")
        .withRepeated("arena/buy.png", "arena/buy_red.png")
        .withSmallestScreen(new Size(720, 1600)); // the smallest size ScreenSizesTest runs on
  }
}
