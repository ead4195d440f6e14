package dev.stormproof.device.adb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormproof.device.Point;
import dev.stormproof.device.Size;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class TouchScreenTest {

  static final String GETEVENT = """
      add device 1: /dev/input/event1
        name:     "gpio-keys"
        events:
          KEY (0001): 0072  0073  0074
        input props:
          <none>
      add device 2: /dev/input/event2
        name:     "fts_ts"
        events:
          KEY (0001): 014a
          ABS (0003): 002f  : value 0, min 0, max 9, fuzz 0, flat 0, resolution 0
                      0035  : value 0, min 0, max 2159, fuzz 0, flat 0, resolution 0
                      0036  : value 0, min 0, max 4799, fuzz 0, flat 0, resolution 0
                      0039  : value 0, min 0, max 65535, fuzz 0, flat 0, resolution 0
        input props:
          INPUT_PROP_DIRECT
      """;

  @Test
  void finds_the_multitouch_screen_and_its_ranges() {
    TouchScreen ts = TouchScreen.parse(GETEVENT).orElseThrow();
    assertThat(ts.path()).isEqualTo("/dev/input/event2");
    assertThat(ts.name()).isEqualTo("fts_ts");
    assertThat(ts.maxX()).isEqualTo(2159);
    assertThat(ts.maxY()).isEqualTo(4799);
    assertThat(ts.panelX(1079, 1080)).isEqualTo(2159);
    assertThat(ts.panelY(0, 2400)).isZero();
    assertThat(ts.sameOrientationAs(1080, 2400)).isTrue();
    assertThat(ts.sameOrientationAs(2400, 1080)).isFalse();
  }

  @Test
  void no_touchscreen_means_empty() {
    assertThat(TouchScreen.parse(GETEVENT.substring(0, GETEVENT.indexOf("add device 2")))).isEmpty();
  }

  @Test
  void a_tap_is_down_report_up_report_in_24_byte_events() {
    RawTouch raw = new RawTouch(TouchScreen.parse(GETEVENT).orElseThrow());
    byte[] bytes = raw.tapEvents(Point.of(540, 1200), new Size(1080, 2400));
    assertThat(bytes).hasSize(9 * 24);
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int[][] expected = {{3, 0x2f, 0}, {3, 0x39, 1}, {3, 0x35, 1081}, {3, 0x36, 2401}, {1, 0x14a, 1}, {0, 0, 0},
        {3, 0x39, -1}, {1, 0x14a, 0}, {0, 0, 0}};
    for (int i = 0; i < expected.length; i++) {
      int at = i * 24;
      assertThat(new int[] {b.getShort(at + 16), b.getShort(at + 18), b.getInt(at + 20)}).as("event %d", i).containsExactly(expected[i]);
    }
  }
}
