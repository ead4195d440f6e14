package dev.stormproof.device.virtual.arena;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormproof.device.Size;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ArenaDeterminismTest {
  private static final Size SIZE = new Size(720, 1600);

  private static int[] pixels(BufferedImage image) {
    return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
  }

  @Test
  void sameSeedSameInputsSameTimeGiveByteIdenticalFrames() {
    List<ArenaTour.Stop> a = ArenaTour.walk(ArenaOptions.defaults(), SIZE);
    List<ArenaTour.Stop> b = ArenaTour.walk(ArenaOptions.defaults(), SIZE);
    assertThat(a).hasSameSizeAs(b);
    for (int i = 0; i < a.size(); i++) {
      assertThat(pixels(a.get(i).frame())).as(a.get(i).name()).isEqualTo(pixels(b.get(i).frame()));
      assertThat(a.get(i).scene()).as(a.get(i).name()).isEqualTo(b.get(i).scene());
    }
  }

  @Test
  void renderIntoAReusedImageEqualsAFreshRender() {
    ArenaGame game = new ArenaGame();
    game.start(0);
    BufferedImage reused = new BufferedImage(SIZE.width(), SIZE.height(), BufferedImage.TYPE_INT_RGB);
    game.renderInto(reused, 5_000);
    var play = game.scene(SIZE, 5_000).get("play").bounds().center();
    game.tap(play.x(), play.y(), 5_000);
    game.renderInto(reused, 5_010);
    assertThat(pixels(reused)).isEqualTo(pixels(game.render(SIZE, 5_010)));
  }

  @Test
  void framesUnderAPopUpDoNotDependOnEarlierRenders() {
    ArenaGame watched = winBattle();
    ArenaGame unwatched = winBattle();
    for (long t = 20_000; t < 20_500; t += 100) {
      watched.render(SIZE, t);
    }
    watched.render(new Size(1080, 2400), 20_500); // another size in between
    assertThat(pixels(watched.render(SIZE, 21_000))).isEqualTo(pixels(unwatched.render(SIZE, 21_000)));
  }

  private static ArenaGame winBattle() {
    ArenaGame game = new ArenaGame(ArenaOptions.defaults().withScreenSize(SIZE));
    game.start(0);
    long now = 10_000;
    for (String step : List.of("play", "battle")) {
      var c = game.scene(SIZE, now).get(step).bounds().center();
      game.tap(c.x(), c.y(), now);
      now = game.loadingEndsAt();
    }
    for (int i = 0; i < 5; i++) {
      var c = game.scene(SIZE, now).get("attack").bounds().center();
      game.tap(c.x(), c.y(), now);
    }
    assertThat(game.currentScreen(now)).isEqualTo(ArenaScreen.REWARD);
    return game;
  }

  @Test
  void framesChangeWithTimeOnlyThroughAnimation() {
    ArenaGame game = new ArenaGame();
    game.start(0);
    int[] t1 = pixels(game.render(SIZE, 1_000)).clone();
    int[] t2 = pixels(game.render(SIZE, 1_300));
    assertThat(t1).isNotEqualTo(t2); // particles and glow move
    assertThat(game.currentScreen(1_300)).isEqualTo(ArenaScreen.TITLE);
  }

  @Test
  void differentSeedsPutThePopUpInDifferentPlaces() {
    Set<Bounds> panels = new HashSet<>();
    for (long seed = 1; seed <= 6; seed++) {
      ArenaTour.Stop victory = ArenaTour.walkScenes(ArenaOptions.defaults().withSeed(seed), new Size(1080, 2400)).stream()
          .filter(s -> s.name().equals("victory")).findFirst().orElseThrow();
      panels.add(victory.element("reward_panel").bounds());
    }
    assertThat(panels).hasSize(6);
  }

  @Test
  void popUpPositionsAreReproducibleForASeed() {
    Bounds a = victoryPanel(7);
    Bounds b = victoryPanel(7);
    assertThat(a).isEqualTo(b);
  }

  private static Bounds victoryPanel(long seed) {
    return ArenaTour.walkScenes(ArenaOptions.defaults().withSeed(seed), SIZE).stream()
        .filter(s -> s.name().equals("victory")).findFirst().orElseThrow().element("reward_panel").bounds();
  }

  @Test
  void loadingDurationsSpan30To800MillisAndDependOnTheSeed() {
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int n = 0; n < 2_000; n++) {
      int ms = ArenaGame.loadingMillis(42, n);
      min = Math.min(min, ms);
      max = Math.max(max, ms);
    }
    assertThat(min).isBetween(30, 40);
    assertThat(max).isBetween(790, 800);
    assertThat(ArenaGame.loadingMillis(1, 0)).isNotEqualTo(ArenaGame.loadingMillis(2, 0));
  }

  @Test
  void concurrentTapsAreAllCountedAndRenderingStaysConsistent() throws Exception {
    ArenaGame game = new ArenaGame();
    game.start(0);
    int threads = 4;
    int tapsEach = 500;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1, r -> {
      Thread t = new Thread(r, "arena-test-tapper");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> done = new java.util.ArrayList<>();
      for (int i = 0; i < threads; i++) {
        done.add(pool.submit(() -> {
          go.await();
          for (int k = 0; k < tapsEach; k++) {
            game.tap(5, 5, 0); // off every button
          }
          return null;
        }));
      }
      done.add(pool.submit(() -> {
        go.await();
        for (int k = 0; k < 5; k++) {
          game.render(SIZE, k);
        }
        return null;
      }));
      go.countDown();
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(game.tapsReceived()).isEqualTo((long) threads * tapsEach);
    assertThat(game.currentScreen(0)).isEqualTo(ArenaScreen.TITLE);
  }
}
