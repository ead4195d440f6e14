package dev.stormproof.device.virtual.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stormproof.device.Size;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ArenaLayoutTest {
  private static final Size REFERENCE = new Size(1080, 2400);

  private static final Map<Size, List<ArenaTour.Stop>> TOURS = new java.util.concurrent.ConcurrentHashMap<>();

  /** The tour's scenes at a size; layout does not depend on rendering, so frames are skipped. */
  private static List<ArenaTour.Stop> stops(Size size) {
    return TOURS.computeIfAbsent(size, s -> ArenaTour.walkScenes(ArenaOptions.defaults(), s));
  }

  private static Map<String, ArenaTour.Stop> tour(Size size) {
    return stops(size).stream().collect(Collectors.toMap(ArenaTour.Stop::name, s -> s));
  }

  @Test
  void portraitRectanglesScaleWithTheScreenWidth() {
    Map<String, ArenaTour.Stop> ref = tour(REFERENCE);
    for (Size size : List.of(new Size(720, 1600), new Size(1440, 3200))) {
      double scale = size.width() / 1080.0;
      Map<String, ArenaTour.Stop> other = tour(size);
      assertThat(other.keySet()).isEqualTo(ref.keySet());
      for (var entry : ref.entrySet()) {
        Scene a = entry.getValue().scene();
        Scene b = other.get(entry.getKey()).scene();
        assertThat(b.elements()).extracting(SceneElement::name)
            .as(entry.getKey() + " at " + size).isEqualTo(a.elements().stream().map(SceneElement::name).toList());
        for (SceneElement e : a.elements()) {
          Bounds r = e.bounds();
          Bounds s = b.get(e.name()).bounds();
          String what = entry.getKey() + "/" + e.name() + " at " + size;
          assertThat((double) s.x()).as(what).isCloseTo(r.x() * scale, within(2.0));
          assertThat((double) s.y()).as(what).isCloseTo(r.y() * scale, within(2.0));
          assertThat((double) s.width()).as(what).isCloseTo(r.width() * scale, within(1.0));
          assertThat((double) s.height()).as(what).isCloseTo(r.height() * scale, within(1.0));
        }
      }
    }
  }

  @Test
  void landscapeKeepsElementSizesRelativeToTheShortSide() {
    Map<String, ArenaTour.Stop> ref = tour(REFERENCE);
    Map<String, ArenaTour.Stop> land = tour(new Size(2400, 1080));
    for (String button : List.of("play", "logo")) {
      assertThat(land.get("title").element(button).bounds().width()).isEqualTo(ref.get("title").element(button).bounds().width());
    }
    assertThat(land.get("shop").element("buy_0").bounds().height()).isEqualTo(90);
    assertThat(land.get("victory").element("collect").bounds().width()).isEqualTo(300);
  }

  @Test
  void everythingIsOnScreenAtEverySize() {
    for (Size size : ArenaShots.SIZES) {
      Bounds screen = new Bounds(0, 0, size.width(), size.height());
      for (ArenaTour.Stop stop : stops(size)) {
        assertThat(stop.scene().size()).isEqualTo(size);
        assertThat(stop.scene().elements()).as(stop.name() + " at " + size).isNotEmpty();
        for (SceneElement e : stop.scene().elements()) {
          assertThat(screen.contains(e.bounds())).as(stop.name() + "/" + e.name() + " " + e.bounds() + " at " + size).isTrue();
        }
      }
    }
  }

  @Test
  void tappableElementsDoNotOverlap() {
    for (Size size : ArenaShots.SIZES) {
      for (ArenaTour.Stop stop : stops(size)) {
        List<SceneElement> tappable = stop.scene().elements().stream().filter(SceneElement::tappable).toList();
        for (int i = 0; i < tappable.size(); i++) {
          for (int j = i + 1; j < tappable.size(); j++) {
            Bounds a = tappable.get(i).bounds();
            Bounds b = tappable.get(j).bounds();
            boolean overlap = a.x() < b.right() && b.x() < a.right() && a.y() < b.bottom() && b.y() < a.bottom();
            assertThat(overlap).as(stop.name() + ": " + tappable.get(i).name() + " and " + tappable.get(j).name() + " at " + size)
                .isFalse();
          }
        }
      }
    }
  }

  @Test
  void tapsHitTheElementsOfTheLastRenderedSize() {
    ArenaGame game = new ArenaGame();
    game.start(0);
    Size small = new Size(720, 1600);
    game.render(small, 0);
    assertThat(game.screenSize()).isEqualTo(small);
    var play = game.scene(small, 0).get("play").bounds().center();
    game.tap(play.x(), play.y(), 0);
    assertThat(game.currentScreen(0)).isEqualTo(ArenaScreen.LOADING);
  }

  @Test
  void sceneQueriesDoNotChangeTheTapSize() {
    ArenaGame game = new ArenaGame();
    game.scene(new Size(2400, 1080), 0);
    assertThat(game.screenSize()).isEqualTo(REFERENCE);
  }
}
