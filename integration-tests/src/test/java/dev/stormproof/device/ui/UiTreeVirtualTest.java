package dev.stormproof.device.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormproof.device.Device;
import dev.stormproof.device.ShellResult;
import dev.stormproof.device.virtual.arena.Arena;
import dev.stormproof.device.virtual.arena.ArenaGame;
import dev.stormproof.device.virtual.arena.ArenaOptions;
import dev.stormproof.device.virtual.arena.ArenaShots;
import dev.stormproof.device.virtual.arena.ArenaTour;
import dev.stormproof.device.virtual.arena.ArenaUiDump;
import dev.stormproof.device.virtual.arena.SceneElement;
import dev.stormproof.junit.OnDevice;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/**
 * The virtual device answers {@code uiautomator dump /dev/tty} with Arena's scene model, so the
 * UI-tree code path of phones runs here: every element is a node with the scene's bounds.
 */
@OnDevice
class UiTreeVirtualTest {

  @Test
  void arenaIsDumpedAndFoundByTextThenTappedThroughTheTree(Device device) {
    device.startApp(Arena.COMPONENT);
    UiTree title = UiTree.dump(device);
    UiNode play = title.find(UiSelector.any().text("PLAY").className("Button")).orElseThrow();
    assertThat(play.resourceId()).isEqualTo(ArenaGame.PACKAGE + ":id/play");
    assertThat(play.clickable()).isTrue();

    device.tap(play.center());
    // Past the loading screen: one dump per poll until the lobby's BATTLE is in the tree.
    UiSelector battle = UiSelector.any().text("BATTLE");
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).pollInSameThread()
        .until(() -> UiTree.dump(device).find(battle).isPresent());
    UiTree lobby = UiTree.dump(device);
    assertThat(lobby.find(UiSelector.any().resourceId("coins")).orElseThrow().text()).isEqualTo("100");
    assertThat(lobby.findAll(UiSelector.any().className("android.widget.Button")))
        .extracting(UiNode::text).containsExactly("BATTLE", "SHOP");
  }

  @Test
  void oneDumpPerPollServesEveryPendingSelector(Device device) {
    device.startApp(Arena.COMPONENT);
    UiNode play = UiWait.forAll(device, java.util.List.of(UiSelector.any().text("PLAY")), java.time.Duration.ofSeconds(5),
        java.time.Duration.ofMillis(100)).get(0);
    device.tap(play.center());
    var lobby = UiWait.forAll(device, java.util.List.of(UiSelector.any().resourceId("battle"),
        UiSelector.any().resourceId("shop"), UiSelector.any().resourceId("coins").text("100")),
        java.time.Duration.ofSeconds(10), java.time.Duration.ofMillis(100));
    assertThat(lobby).extracting(UiNode::text).containsExactly("BATTLE", "SHOP", "100");
    assertThatThrownBy(() -> UiWait.forAll(device, java.util.List.of(UiSelector.any().text("DEFEAT")),
        java.time.Duration.ofMillis(300), java.time.Duration.ofMillis(100)))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("UI elements not found within 300 ms: [text='DEFEAT']; the last dump's texts are [")
        .hasMessageContaining("BATTLE");
  }

  @Test
  void aControlIsFoundInTheUiTreeWhenTheDeviceGivesOne(Device device, dev.stormproof.vision.Vision vision) {
    device.startApp(Arena.COMPONENT);
    var play = vision.text().tapControl("PLAY", null);
    assertThat(play.confidence()).isEqualTo(100);
    assertThat(dev.stormproof.testing.RecordingSink.registered().events).contains("found control " + play + " by the UI tree");
  }

  @Test
  void everyElementOfEveryTourStopIsANodeWithTheScenesBounds() {
    for (var size : ArenaShots.SIZES) {
      for (ArenaTour.Stop stop : ArenaTour.walkScenes(ArenaOptions.defaults(), size)) {
        UiTree tree = UiTree.parse(ArenaUiDump.xml(stop.scene()));
        assertThat(tree.nodes()).as("%s at %s", stop.name(), size).hasSize(stop.scene().elements().size() + 1);
        for (SceneElement e : stop.scene().elements()) {
          UiNode n = tree.find(UiSelector.any().resourceId(e.name())).orElseThrow();
          assertThat(new int[] {n.left(), n.top(), n.right(), n.bottom()}).as("%s %s", stop.name(), e.name())
              .containsExactly(e.bounds().x(), e.bounds().y(), e.bounds().right(), e.bounds().bottom());
          assertThat(n.text()).isEqualTo(e.text());
        }
      }
    }
  }

  @Test
  void aDeviceWithoutATreeFailsNamingTheOutputAndTheFix() {
    Device noTree = (Device) Proxy.newProxyInstance(Device.class.getClassLoader(), new Class<?>[] {Device.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "shell" -> new ShellResult(1, "", "ERROR: null root node returned by UiTestAutomationBridge.\n");
          case "serial" -> "emulator-5554";
          default -> throw new UnsupportedOperationException(method.getName());
        });
    assertThatThrownBy(() -> UiTree.dump(noTree)).isInstanceOf(IllegalStateException.class)
        .hasMessage("'uiautomator dump /dev/tty' on emulator-5554 gave no UI tree (exit 1, output 'ERROR: null root "
            + "node returned by UiTestAutomationBridge.'): the app may draw everything itself (a game: read it with "
            + "vision.text()) or the device lacks uiautomator");
  }
}
