package dev.stormproof.device.adb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormproof.device.DeviceProtocolException;
import dev.stormproof.device.Screenshot;
import dev.stormproof.device.Size;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fixed-seed fuzzing of the frame parsers that read what a device sends: raw and PNG screencap
 * validation ({@link ScreenDecoder}), shell v2 packets ({@link ShellV2}) and {@code getevent -p}
 * output ({@link TouchScreen}). Inputs are valid samples mutated (bit flips, byte overwrites,
 * truncation, duplication, insertion of boundary integers) plus pure noise. The only allowed
 * outcomes are a correct result or the documented failure: {@link DeviceProtocolException} for
 * screencaps, {@code DeviceProtocolException} or {@link EOFException} for shell v2 (the caller
 * turns EOF into a lost device), {@code Optional.empty()} for getevent. No hang: the separate-thread
 * timeout fails a parser that loops. No leak: the parsers allocate heap buffers only (no native
 * memory, no threads), so there is nothing to outlive a call.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FrameParsersFuzzTest {

  private static final Size SCREEN = new Size(8, 6);
  private static final int ROUNDS = 3000;

  @Test
  void raw_screencaps() {
    Random random = new Random(0x5EED_0001L);
    byte[][] samples = {raw(8, 6, ScreenDecoder.FORMAT_RGBA_8888, 12), raw(8, 6, ScreenDecoder.FORMAT_RGBX_8888, 16),
        raw(8, 6, ScreenDecoder.FORMAT_RGB_565, 16), raw(6, 8, ScreenDecoder.FORMAT_RGBA_8888, 12)};
    int decoded = 0;
    for (int i = 0; i < ROUNDS; i++) {
      byte[] input = mutate(samples[random.nextInt(samples.length)], random);
      try {
        Screenshot s = ScreenDecoder.decodeRaw(input, input.length, SCREEN, reuse(random), 0);
        assertThat(s.rgba().remaining()).isEqualTo(s.size().width() * s.size().height() * 4);
        decoded++;
      } catch (DeviceProtocolException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
    assertThat(decoded).as("some mutations keep a valid frame (pixel flips)").isPositive();
  }

  @Test
  void png_screencaps() throws IOException {
    Random random = new Random(0x5EED_0002L);
    byte[] sample = png(8, 6);
    int decoded = 0;
    for (int i = 0; i < ROUNDS / 3; i++) {
      byte[] input = mutate(sample, random);
      try {
        Screenshot s = ScreenDecoder.decodePng(input, input.length, SCREEN, reuse(random), 0);
        assertThat(s.size()).isIn(SCREEN, new Size(6, 8));
        assertThat(s.rgba().remaining()).isEqualTo(s.size().width() * s.size().height() * 4);
        decoded++;
      } catch (DeviceProtocolException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
    assertThat(decoded).isPositive();
  }

  @Test
  void shell_v2_packets() throws IOException {
    Random random = new Random(0x5EED_0003L);
    ByteArrayOutputStream valid = new ByteArrayOutputStream();
    packet(valid, ShellV2.STDOUT, "hello\n".getBytes(StandardCharsets.UTF_8));
    packet(valid, ShellV2.WINDOW, new byte[8]);
    packet(valid, ShellV2.STDERR, "warn\n".getBytes(StandardCharsets.UTF_8));
    packet(valid, ShellV2.STDOUT, new byte[300]);
    packet(valid, ShellV2.EXIT, new byte[] {(byte) 200});
    byte[] sample = valid.toByteArray();
    ShellV2.Result ok = ShellV2.readAll(new ByteArrayInputStream(sample), new ByteArrayOutputStream());
    assertThat(ok.exitCode()).isEqualTo(200);
    assertThat(ok.stdout().size()).isEqualTo(306);
    int exits = 0;
    for (int i = 0; i < ROUNDS; i++) {
      byte[] input = mutate(sample, random);
      try {
        ShellV2.Result r = ShellV2.readAll(new ByteArrayInputStream(input), new ByteArrayOutputStream());
        assertThat(r.exitCode()).isBetween(0, 255);
        assertThat(r.stdout().size() + r.stderr().size()).isLessThanOrEqualTo(input.length);
        exits++;
      } catch (DeviceProtocolException | EOFException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
    assertThat(exits).isPositive();
  }

  @Test
  void getevent_output() {
    Random random = new Random(0x5EED_0004L);
    byte[] sample = TouchScreenTest.GETEVENT.getBytes(StandardCharsets.UTF_8);
    int found = 0;
    for (int i = 0; i < ROUNDS; i++) {
      String input = new String(mutate(sample, random), StandardCharsets.UTF_8);
      Optional<TouchScreen> ts = TouchScreen.parse(input);
      if (ts.isPresent()) {
        found++;
        ts.get().panelX(random.nextInt(2000), 1 + random.nextInt(2000));
        ts.get().sameOrientationAs(1080, 2400);
      }
    }
    assertThat(found).isPositive();
    // Numbers beyond int: skipped, not a NumberFormatException.
    assertThat(TouchScreen.parse(TouchScreenTest.GETEVENT.replace("max 2159", "max 99999999999"))).isEmpty();
  }

  // --- inputs --------------------------------------------------------------------------------

  static byte[] raw(int w, int h, int format, int header) {
    int bpp = format == ScreenDecoder.FORMAT_RGB_565 ? 2 : 4;
    ByteBuffer b = ByteBuffer.allocate(header + w * h * bpp).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(w).putInt(h).putInt(format);
    for (int i = 12; i < b.capacity(); i++) {
      b.put(i, (byte) (i * 31));
    }
    return b.array();
  }

  static byte[] png(int w, int h) throws IOException {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, 0xFF000000 | (x * 30) << 16 | (y * 40) << 8 | 0x55);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  static void packet(ByteArrayOutputStream out, int id, byte[] payload) {
    out.write(id);
    out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(payload.length).array());
    out.writeBytes(payload);
  }

  private static ByteBuffer reuse(Random random) {
    return random.nextBoolean() ? ByteBuffer.allocate(8 * 6 * 4) : null;
  }

  private static final int[] BOUNDARY = {0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, 16384, 16385, 65535, 1 << 24};

  /** One to four mutations of {@code sample}, or pure noise one time in twenty. */
  static byte[] mutate(byte[] sample, Random random) {
    if (random.nextInt(20) == 0) {
      byte[] noise = new byte[random.nextInt(64)];
      random.nextBytes(noise);
      return noise;
    }
    byte[] b = sample.clone();
    for (int n = 1 + random.nextInt(4); n > 0; n--) {
      switch (random.nextInt(6)) {
        case 0 -> {
          if (b.length > 0) {
            int at = random.nextInt(b.length);
            b[at] ^= (byte) (1 << random.nextInt(8));
          }
        }
        case 1 -> {
          if (b.length > 0) {
            b[random.nextInt(b.length)] = (byte) random.nextInt(256);
          }
        }
        case 2 -> b = Arrays.copyOf(b, random.nextInt(b.length + 1));
        case 3 -> {
          int from = random.nextInt(b.length + 1);
          byte[] longer = Arrays.copyOf(b, b.length + (b.length - from));
          System.arraycopy(b, from, longer, b.length, b.length - from);
          b = longer;
        }
        case 4 -> {
          if (b.length >= 4) {
            int at = random.nextInt(b.length - 3);
            int v = BOUNDARY[random.nextInt(BOUNDARY.length)];
            ByteOrder order = random.nextBoolean() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            ByteBuffer.wrap(b, at, 4).order(order).putInt(v);
          }
        }
        default -> {
          String digits = Long.toString(random.nextLong());
          int at = random.nextInt(b.length + 1);
          byte[] d = digits.getBytes(StandardCharsets.US_ASCII);
          byte[] longer = new byte[b.length + d.length];
          System.arraycopy(b, 0, longer, 0, at);
          System.arraycopy(d, 0, longer, at, d.length);
          System.arraycopy(b, at, longer, at + d.length, b.length - at);
          b = longer;
        }
      }
    }
    return b;
  }
}
