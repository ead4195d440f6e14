package dev.stormproof.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormproof.device.Device;
import dev.stormproof.device.virtual.arena.Arena;
import dev.stormproof.junit.ExpectText;
import dev.stormproof.junit.OnDevice;
import dev.stormproof.vision.Match;
import dev.stormproof.vision.NumberStyle;
import dev.stormproof.vision.ScreenText;
import dev.stormproof.vision.TextMatch;
import dev.stormproof.vision.Vision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Coins, rewards and prices read off the screen, as a player sees them: no debug backdoor.
 * Counters are read in their regions (see {@link ArenaScreenRegions}); buttons are found by
 * their words.
 */
@OnDevice
@DisplayName("Arena: reading coins, rewards and prices")
class ScreenReadingTest {

  @BeforeEach
  void launch(Device device) {
    device.startApp(Arena.COMPONENT); // a fresh session for every test
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"720x1600", "1080x2400", "1440x3200"})
  @DisplayName("The lobby shows 100 coins at every size")
  void lobbyShowsTheStartingCoins(String size, Device device, Vision vision) {
    device.shell("wm size " + size);
    device.startApp(Arena.COMPONENT);
    vision.text().tap("PLAY", null);
    vision.waitFor("arena/battle.png");

    assertThat(vision.text().number(ArenaScreenRegions.coins(device.screenSize()), NumberStyle.GROUPED)).isEqualTo(100);
  }

  @Test
  @DisplayName("A won battle pays the reward the pop-up shows")
  void victoryPaysTheRewardShown(Device device, Vision vision) {
    vision.tap("arena/play.png");
    vision.tap("arena/battle.png");
    for (int hit = 0; hit < 5; hit++) {
      vision.tap("arena/attack.png");
    }
    ScreenText text = vision.text();
    Match title = vision.waitFor("arena/victory.png"); // the pop-up lands somewhere new each time
    long reward = text.number(ArenaScreenRegions.reward(title), NumberStyle.PLAIN);
    vision.tap("arena/collect.png");
    vision.waitFor("arena/battle.png");

    assertThat(reward).isEqualTo(100);
    assertThat(text.number(ArenaScreenRegions.coins(device.screenSize()), NumberStyle.GROUPED)).isEqualTo(100 + reward);
  }

  @Test
  @DisplayName("A purchase deducts the price shown next to its BUY button")
  @ExpectText(value = "SHOP", after = true, region = {0.3, 0, 0.4, 0.07})
  void purchaseDeductsThePriceShown(Device device, Vision vision) {
    vision.tap("arena/play.png");
    vision.tap("arena/shop.png");
    vision.waitFor("arena/shop_title.png");
    ScreenText text = vision.text();
    long before = text.number(ArenaScreenRegions.coins(device.screenSize()), NumberStyle.GROUPED);
    Match buy = vision.find(vision.template("arena/buy.png").withColorCheck(true)).orElseThrow();
    long price = text.number(ArenaScreenRegions.price(buy), NumberStyle.GROUPED);

    device.tap(buy.center());
    text.waitFor("PURCHASED", ArenaScreenRegions.banner(device.screenSize()));

    assertThat(price).isPositive();
    assertThat(text.number(ArenaScreenRegions.coins(device.screenSize()), NumberStyle.GROUPED)).isEqualTo(before - price);
  }

  @Test
  @DisplayName("Buttons are found and tapped by their words")
  void buttonsByTheirWords(Device device, Vision vision,
      @ExpectText(value = "PLAY", region = {0, 0.6, 1, 0.3}) TextMatch play) {
    device.tap(play.center());
    vision.text().tap("SHOP", null);
    vision.text().waitFor("BACK", null);
  }

  @AfterEach
  void resetSize(Device device) {
    device.shell("wm size reset");
  }
}
