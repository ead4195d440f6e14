package dev.stormproof.device.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stormproof.device.Size;
import dev.stormproof.device.virtual.arena.ArenaGame;
import dev.stormproof.device.virtual.arena.ArenaScreen;
import dev.stormproof.device.virtual.arena.Bounds;
import dev.stormproof.testing.TestAdbServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real Debian adb plays Arena on the virtual device: 200 {@code input tap} commands land in
 * the tap log and move the game exactly as a player's taps would.
 */
class RealAdbArenaTest {

  private static final Size SIZE = new Size(1080, 2400);

  private final ArenaGame game = new ArenaGame();
  private final VirtualDevice device = new VirtualDevice(VirtualDeviceOptions.defaults().withSize(SIZE)
      .withApp(game).withLatency(LatencyModel.fast())).start();
  private TestAdbServer adb;

  @AfterEach
  void stop() throws Exception {
    try {
      if (adb != null) {
        adb.close();
      }
    } finally {
      device.close();
    }
  }

  @Test
  void twoHundredTapsPlayABattleAndLandInTheTapLog() throws Exception {
    adb = new TestAdbServer();
    assertThat(adb.connect(device.serial())).contains("connected to " + device.serial());

    tap(ArenaScreen.TITLE, "play");
    tap(ArenaScreen.LOBBY, "battle"); // waits out the loading screen first
    for (int hit = 0; hit < 5; hit++) {
      tap(ArenaScreen.BATTLE, "attack");
    }
    tap(ArenaScreen.REWARD, "collect");
    awaitScreen(ArenaScreen.LOBBY);
    Bounds emblem = element("emblem");
    for (int i = 0; i < 192; i++) { // on the lobby's emblem: counted, changes nothing
      input(emblem.x() + 1 + i % (emblem.width() - 2), emblem.y() + 1 + i % (emblem.height() - 2));
    }

    String state = adb.run("-s", device.serial(), "shell", "dumpsys", "stormproof").stdout();
    assertThat(device.tapLog().count()).isEqualTo(200);
    assertThat(state).contains("coins=200\n", "battlesWon=1\n", "tapsReceived=200\n", "screen=lobby\n");
  }

  private void tap(ArenaScreen screen, String element) throws Exception {
    awaitScreen(screen);
    Bounds b = element(element);
    input(b.x() + b.width() / 2, b.y() + b.height() / 2);
  }

  private void input(int x, int y) throws Exception {
    TestAdbServer.Result r = adb.run("-s", device.serial(), "shell", "input", "tap", Integer.toString(x), Integer.toString(y));
    assertThat(r.exitCode()).as(r.stderr()).isZero();
  }

  private void awaitScreen(ArenaScreen screen) {
    await().atMost(Duration.ofSeconds(10)).until(() -> game.currentScreen(device.now()) == screen);
  }

  private Bounds element(String name) {
    return game.scene(SIZE, device.now()).get(name).bounds();
  }
}
