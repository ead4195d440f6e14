package dev.stormproof.device.virtual;

import static dev.stormproof.device.virtual.MultiTouchParser.ABS_X;
import static dev.stormproof.device.virtual.MultiTouchParser.ABS_Y;
import static dev.stormproof.device.virtual.MultiTouchParser.BTN_TOUCH;
import static dev.stormproof.device.virtual.MultiTouchParser.EV_ABS;
import static dev.stormproof.device.virtual.MultiTouchParser.EV_KEY;
import static dev.stormproof.device.virtual.MultiTouchParser.EV_SYN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MultiTouchParserTest {

  private final List<String> gestures = new ArrayList<>();
  private final AtomicLong clock = new AtomicLong(1_000);
  private final MultiTouchParser parser = new MultiTouchParser(20, clock::get, new MultiTouchParser.Listener() {
    @Override
    public void tap(int x, int y) {
      gestures.add("tap " + x + "," + y);
    }

    @Override
    public void swipe(int x1, int y1, int x2, int y2, long durationMillis) {
      gestures.add("swipe " + x1 + "," + y1 + "->" + x2 + "," + y2 + " " + durationMillis + "ms");
    }
  });

  private void feed(TouchEvents events) {
    byte[] b = events.bytes();
    parser.feed(b, 0, b.length);
  }

  @Test
  void downAndUpIsATapAtTheDownPosition() {
    feed(new TouchEvents().tap(100, 200));
    assertThat(gestures).containsExactly("tap 100,200");
  }

  @Test
  void movementWithinTheSlopIsStillATap() {
    feed(new TouchEvents().down(0, 100, 100).syn().move(0, 112, 116).syn().up(0).syn());
    assertThat(gestures).containsExactly("tap 100,100");
  }

  @Test
  void movementBeyondTheSlopIsASwipeWithItsDuration() {
    feed(new TouchEvents().down(0, 100, 100).syn().move(0, 112, 117).syn());
    clock.addAndGet(250);
    feed(new TouchEvents().move(0, 400, 900).syn().up(0).syn());
    assertThat(gestures).containsExactly("swipe 100,100->400,900 250ms");
  }

  @Test
  void aLongHoldIsALongPressNotATap() {
    feed(new TouchEvents().down(0, 50, 60).syn());
    clock.addAndGet(399);
    feed(new TouchEvents().up(0).syn());
    feed(new TouchEvents().down(0, 70, 80).syn());
    clock.addAndGet(400);
    feed(new TouchEvents().up(0).syn());
    assertThat(gestures).containsExactly("tap 50,60", "swipe 70,80->70,80 400ms");
  }

  @Test
  void aSwipeThatReturnsToItsStartIsNotATap() {
    feed(new TouchEvents().down(0, 100, 100).syn().move(0, 300, 100).syn().move(0, 100, 100).syn().up(0).syn());
    assertThat(gestures).containsExactly("swipe 100,100->100,100 0ms");
  }

  @Test
  void slotsTrackFingersIndependently() {
    feed(new TouchEvents().down(0, 10, 10).down(1, 500, 600).syn().move(1, 800, 600).syn().up(0).syn()
        .down(0, 20, 20).syn().up(1).up(0).syn());
    assertThat(gestures).containsExactly("tap 10,10", "tap 20,20", "swipe 500,600->800,600 0ms"); // one frame: slot order
  }

  @Test
  void structsSplitAcrossWritesAreReassembled() {
    byte[] b = new TouchEvents().tap(7, 9).tap(30, 40).bytes();
    for (int i = 0; i < b.length; i += 5) {
      parser.feed(b, i, Math.min(5, b.length - i));
    }
    assertThat(gestures).containsExactly("tap 7,9", "tap 30,40");
    assertThat(parser.events()).isEqualTo(16);
  }

  @Test
  void nothingHappensBeforeSynReport() {
    feed(new TouchEvents().down(0, 1, 1).syn().up(0));
    assertThat(gestures).isEmpty();
    feed(new TouchEvents().syn());
    assertThat(gestures).containsExactly("tap 1,1");
  }

  @Test
  void outOfRangeSlotsAreIgnored() {
    feed(new TouchEvents().down(12, 5, 5).syn().up(12).syn());
    assertThat(gestures).isEmpty();
  }

  @Test
  void singleTouchWritersUseBtnTouch() {
    feed(new TouchEvents().event(EV_KEY, BTN_TOUCH, 1).event(EV_ABS, ABS_X, 33).event(EV_ABS, ABS_Y, 44)
        .event(EV_SYN, 0, 0).event(EV_KEY, BTN_TOUCH, 0).event(EV_SYN, 0, 0));
    assertThat(gestures).containsExactly("tap 33,44");
  }

  @Test
  void synDroppedForgetsContacts() {
    feed(new TouchEvents().down(0, 1, 1).syn().event(EV_SYN, MultiTouchParser.SYN_DROPPED, 0).up(0).syn());
    assertThat(gestures).isEmpty();
  }
}
