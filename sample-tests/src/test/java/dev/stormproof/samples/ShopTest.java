package dev.stormproof.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormproof.device.Device;
import dev.stormproof.device.virtual.arena.Arena;
import dev.stormproof.junit.ExpectTemplate;
import dev.stormproof.junit.OnDevice;
import dev.stormproof.vision.Match;
import dev.stormproof.vision.NumberStyle;
import dev.stormproof.vision.Vision;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Buying in the shop: green BUY buttons are affordable, red ones are not. */
@OnDevice
@DisplayName("Arena: shop")
class ShopTest {

  @BeforeEach
  void toTheShop(Device device, Vision vision) {
    device.startApp(Arena.COMPONENT);
    vision.tap("arena/play.png");
    vision.tap("arena/shop.png");
    vision.waitFor("arena/shop_title.png"); // find and findAll look once; waits poll
  }

  @Test
  @DisplayName("A purchase shows PURCHASED and deducts its price")
  void purchaseDeductsCoins(Device device, Vision vision) {
    long before = vision.text().number(ArenaScreenRegions.coins(device.screenSize()), NumberStyle.GROUPED);
    // Colour check: in grey a green and a red BUY look alike (score 0.986).
    vision.tap(vision.template("arena/buy.png").withColorCheck(true));
    vision.waitFor("arena/purchased.png");

    assertThat(vision.text().number(ArenaScreenRegions.coins(device.screenSize()), NumberStyle.GROUPED)).isLessThan(before);
  }

  @Test
  @DisplayName("Green and red BUY buttons are told apart by colour")
  void greenAndRedBuyButtons(Vision vision) {
    List<Match> green = vision.findAll(vision.template("arena/buy.png").withColorCheck(true));
    List<Match> red = vision.findAll(vision.template("arena/buy_red.png").withColorCheck(true));

    assertThat(green).isNotEmpty();
    assertThat(red).isNotEmpty();
    assertThat(green).extracting(Match::center).doesNotContainAnyElementsOf(red.stream().map(Match::center).toList());
  }

  @Test
  @DisplayName("BACK returns to the lobby")
  @ExpectTemplate(value = "arena/shop_title.png", absent = true, after = true)
  @ExpectTemplate(value = "arena/battle.png", after = true)
  void backReturnsToTheLobby(Vision vision) {
    vision.tap("arena/back.png");
  }
}
