package dev.stormproof.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormproof.device.Device;
import dev.stormproof.device.Size;
import dev.stormproof.device.virtual.arena.Arena;
import dev.stormproof.junit.OnDevice;
import dev.stormproof.vision.NumberStyle;
import dev.stormproof.vision.Vision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One template set (cut at 1080x2400) on three resolutions, without per-device calibration:
 * {@code wm size} changes the display as on a real phone, and matching scales the templates.
 */
@OnDevice
@DisplayName("Arena: the same flow at three screen sizes")
class ScreenSizesTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"720x1600", "1080x2400", "1440x3200"})
  void battleAndShopAtEverySize(String size, Device device, Vision vision) {
    device.shell("wm size " + size);
    device.startApp(Arena.COMPONENT);
    assertThat(device.screenSize()).isEqualTo(Size.parse(size));

    vision.tap("arena/play.png");
    vision.tap("arena/battle.png");
    for (int hit = 0; hit < 5; hit++) {
      vision.tap("arena/attack.png");
    }
    vision.tap("arena/collect.png");
    vision.tap("arena/shop.png");
    vision.waitFor("arena/shop_title.png");

    // The won battle's 100 coins, read off the shop's counter at this size.
    assertThat(vision.text().number(ArenaScreenRegions.coins(device.screenSize()), NumberStyle.GROUPED)).isEqualTo(200);
  }

  @AfterEach
  void resetSize(Device device) {
    device.shell("wm size reset");
  }
}
