package dev.stormproof.device.virtual;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fixed-seed fuzzing of the virtual device's own parsers, beyond the wire protocol that
 * {@link ProtocolFuzzTest} covers: the shell line parser (only {@link ShellParser.SyntaxError} may
 * come out of it) and the raw input-event parser (arbitrary bytes, split anywhere, never throw).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class VirtualParsersFuzzTest {

  private static final String ALPHABET = "ab01 \t'\"\\$`;|&()<>*?~#!%{}[]=-\nüé漢";
  private static final List<String> SEEDS = List.of("input tap 1 2", "echo 'a b' \"c\\\"d\" && false || echo x; wm size",
      "screencap -p > /sdcard/x.png", "getevent -p", "am start -n 'dev.x/.Main'");

  @Test
  void shell_lines_parse_or_fail_with_a_syntax_error() {
    Random random = new Random(0x5EED_0101L);
    int parsed = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder line = new StringBuilder(SEEDS.get(random.nextInt(SEEDS.size())));
      for (int n = random.nextInt(4); n >= 0; n--) {
        int at = random.nextInt(line.length() + 1);
        switch (random.nextInt(3)) {
          case 0 -> line.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
          case 1 -> line.setLength(at);
          default -> {
            if (at < line.length()) {
              line.deleteCharAt(at);
            }
          }
        }
      }
      try {
        List<ShellParser.Command> commands = ShellParser.parse(line.toString());
        assertThat(commands).allSatisfy(c -> assertThat(c.args()).doesNotContainNull());
        parsed++;
      } catch (ShellParser.SyntaxError expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
    assertThat(parsed).isPositive();
  }

  @Test
  void input_events_in_any_bytes_and_any_split_never_throw() {
    Random random = new Random(0x5EED_0102L);
    AtomicInteger gestures = new AtomicInteger();
    long[] now = {0};
    MultiTouchParser parser = new MultiTouchParser(8, () -> now[0]++, new MultiTouchParser.Listener() {
      @Override public void tap(int x, int y) { gestures.incrementAndGet(); }
      @Override public void swipe(int x1, int y1, int x2, int y2, long durationMillis) { gestures.incrementAndGet(); }
    });
    int[] codes = {MultiTouchParser.ABS_MT_SLOT, MultiTouchParser.ABS_MT_TRACKING_ID, MultiTouchParser.ABS_MT_POSITION_X,
        MultiTouchParser.ABS_MT_POSITION_Y, MultiTouchParser.ABS_MT_PRESSURE, MultiTouchParser.BTN_TOUCH, MultiTouchParser.SYN_REPORT,
        MultiTouchParser.SYN_DROPPED};
    int[] values = {-1, 0, 1, 9, 10, 11, Integer.MAX_VALUE, Integer.MIN_VALUE, 500};
    for (int round = 0; round < 2_000; round++) {
      ByteBuffer events = ByteBuffer.allocate(MultiTouchParser.EVENT_SIZE * 40).order(ByteOrder.LITTLE_ENDIAN);
      while (events.remaining() >= MultiTouchParser.EVENT_SIZE) {
        events.putLong(0).putLong(0)
            .putShort((short) (random.nextInt(5) == 0 ? random.nextInt(1 << 16) : new int[] {0, 1, 3}[random.nextInt(3)]))
            .putShort((short) codes[random.nextInt(codes.length)])
            .putInt(random.nextBoolean() ? values[random.nextInt(values.length)] : random.nextInt(3000));
      }
      byte[] bytes = events.array();
      if (random.nextInt(4) == 0) {
        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256); // and some noise
      }
      for (int off = 0; off < bytes.length; ) {
        int n = Math.min(bytes.length - off, 1 + random.nextInt(50));
        parser.feed(bytes, off, n);
        off += n;
      }
    }
    assertThat(parser.events()).isEqualTo(2_000L * 40);
    assertThat(gestures.get()).isPositive();
  }
}
