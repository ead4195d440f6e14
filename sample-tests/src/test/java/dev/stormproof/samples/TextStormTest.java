package dev.stormproof.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormproof.device.Device;
import dev.stormproof.device.virtual.arena.Arena;
import dev.stormproof.junit.LeakGuard;
import dev.stormproof.junit.OnDevice;
import dev.stormproof.tasks.TaskScope;
import dev.stormproof.vision.ScreenText;
import dev.stormproof.vision.Vision;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Taps and reads in every iteration: ATTACK is hit from concurrent tasks while the HITS counter
 * is read after each hit. Every iteration opens the test's Tesseract engine and frees it with the
 * Vision; {@code @LeakGuard} checks that nothing grew (native buffers, javacpp objects, threads).
 */
@OnDevice
@LeakGuard(warmup = 1)
@DisplayName("Arena: reading the screen under a storm of taps")
class TextStormTest {

  private static final int HITS = 4;

  @BeforeEach
  void toTheBattle(Device device, Vision vision) {
    device.startApp(Arena.COMPONENT);
    vision.tap("arena/play.png");
    vision.tap("arena/battle.png");
  }

  @RepeatedTest(3)
  void readsTheHitCounterAfterEveryHit(Device device, Vision vision, TaskScope tasks) throws InterruptedException {
    ScreenText text = vision.text();
    var attack = vision.waitFor("arena/attack.png");
    AtomicInteger reads = new AtomicInteger();
    for (int hit = 1; hit <= HITS; hit++) {
      tasks.fork(() -> device.tap(attack.center()));
      tasks.join();
      String expected = "HITS " + hit + "/5";
      // The HITS label is centred at the top: read there, one frame per poll, until it counts this hit.
      assertThat(text.waitFor(expected, ArenaScreenRegions.hits(device.screenSize())).text()).isEqualTo(expected);
      reads.incrementAndGet();
    }
    assertThat(reads).hasValue(HITS);
  }
}
