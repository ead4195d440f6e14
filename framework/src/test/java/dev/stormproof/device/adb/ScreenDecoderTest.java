package dev.stormproof.device.adb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormproof.device.DeviceProtocolException;
import dev.stormproof.device.Screenshot;
import dev.stormproof.device.Size;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ScreenDecoderTest {

  static byte[] raw(int w, int h, int format, boolean colorSpace, int bpp) {
    int header = colorSpace ? 16 : 12;
    ByteBuffer b = ByteBuffer.allocate(header + w * h * bpp).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(w).putInt(h).putInt(format);
    if (colorSpace) {
      b.putInt(0);
    }
    for (int i = 0; i < w * h * bpp; i++) {
      b.put((byte) i);
    }
    return b.array();
  }

  @Test
  void raw_with_and_without_colour_space_word_decodes() {
    for (boolean cs : new boolean[] {false, true}) {
      byte[] data = raw(3, 2, 1, cs, 4);
      Screenshot s = ScreenDecoder.decodeRaw(data, data.length, new Size(3, 2), null, 7);
      assertThat(s.size()).isEqualTo(new Size(3, 2));
      byte[] px = new byte[24];
      s.rgba().get(px);
      assertThat(px).isEqualTo(Arrays.copyOfRange(data, cs ? 16 : 12, data.length));
    }
  }

  @Test
  void truncated_raw_is_a_protocol_error_never_a_short_image() {
    byte[] data = raw(3, 2, 1, true, 4);
    assertThatThrownBy(() -> ScreenDecoder.decodeRaw(data, data.length - 5, new Size(3, 2), null, 0))
        .isInstanceOf(DeviceProtocolException.class)
        .hasMessage("raw screencap of 3x2 format 1 has 35 bytes, expected 36 or 40 (12- or 16-byte header + pixels): the frame is truncated or corrupt");
    assertThatThrownBy(() -> ScreenDecoder.decodeRaw(data, 7, null, null, 0))
        .isInstanceOf(DeviceProtocolException.class)
        .hasMessage("raw screencap is truncated: 7 bytes, shorter than the 12-byte header");
  }

  @Test
  void raw_of_another_size_is_rejected_and_rgbx_alpha_is_opaque() {
    byte[] data = raw(3, 2, 2, false, 4);
    assertThatThrownBy(() -> ScreenDecoder.decodeRaw(data, data.length, new Size(4, 2), null, 0))
        .hasMessage("raw screencap is 3x2 but the screen is 4x2: the frame does not belong to this screen");
    Screenshot s = ScreenDecoder.decodeRaw(data, data.length, new Size(2, 3), null, 0);
    assertThat(s.rgba().get(3)).isEqualTo((byte) 0xFF);
  }

  @Test
  void a_matching_reuse_buffer_is_filled_instead_of_allocating() {
    byte[] data = raw(2, 2, 1, false, 4);
    ByteBuffer reuse = ByteBuffer.allocate(16);
    Screenshot s = ScreenDecoder.decodeRaw(data, data.length, null, reuse, 0);
    assertThat(reuse.get(0)).isEqualTo(data[12]);
    assertThat(s.rgba().get(15)).isEqualTo(data[27]);
  }

  @Test
  void png_is_validated_and_decoded_to_rgba() throws Exception {
    BufferedImage img = new BufferedImage(4, 3, BufferedImage.TYPE_INT_ARGB);
    img.setRGB(1, 2, 0xFF102030);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    byte[] png = out.toByteArray();
    Screenshot s = ScreenDecoder.decodePng(png, png.length, new Size(4, 3), null, 0);
    int at = (2 * 4 + 1) * 4;
    assertThat(new byte[] {s.rgba().get(at), s.rgba().get(at + 1), s.rgba().get(at + 2), s.rgba().get(at + 3)})
        .containsExactly(0x10, 0x20, 0x30, 0xFF);
    assertThatThrownBy(() -> ScreenDecoder.decodePng(png, png.length - 3, new Size(4, 3), null, 0))
        .isInstanceOf(DeviceProtocolException.class)
        .hasMessage("PNG screencap of " + (png.length - 3) + " bytes does not end with the IEND chunk: the image is truncated");
  }
}
