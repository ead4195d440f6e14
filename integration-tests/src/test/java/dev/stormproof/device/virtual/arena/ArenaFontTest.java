package dev.stormproof.device.virtual.arena;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ArenaFontTest {
  private static final Path SOURCES = Path.of("../virtual-device/src/main/java/dev/stormproof/device/virtual/arena");

  @Test
  void theBundledFontLoads() {
    Font font = ArenaFont.bold();
    assertThat(font.getFamily()).isEqualTo(ArenaFont.FAMILY).isEqualTo("DejaVu Sans");
    assertThat(font.getFontName()).isEqualTo("DejaVu Sans Bold");
    assertThat(font.getSize2D()).isEqualTo(1f);
    assertThat(ArenaFont.class.getResource("/dev/stormproof/arena/DejaVuSans-Bold.LICENSE.txt")).isNotNull();
  }

  @Test
  void outlinesComeFromTheBundledFontAndScaleLinearly() {
    ArenaFont font = new ArenaFont();
    double small = font.outline("ATTACK", 40f).getBounds2D().getWidth();
    double large = font.outline("ATTACK", 80f).getBounds2D().getWidth();
    assertThat(large / small).isCloseTo(2.0, org.assertj.core.api.Assertions.within(0.02));
    double expected = ArenaFont.bold().deriveFont(40f).createGlyphVector(ArenaFont.FRC, "ATTACK").getOutline().getBounds2D().getWidth();
    assertThat(small).isEqualTo(expected);
  }

  /**
   * Text reaches the screen only as filled outlines of the bundled font: no arena source may
   * draw strings or pick fonts by name, which would pull in the machine's logical fonts.
   */
  @Test
  void noSourceUsesAPlatformFont() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(SOURCES)) {
      files = s.filter(p -> p.toString().endsWith(".java")).toList();
    }
    assertThat(files).hasSizeGreaterThan(10);
    for (Path file : files) {
      String code = Files.readString(file);
      assertThat(code).as(file.toString())
          .doesNotContain("drawString(", "drawChars(", "drawGlyphVector(", "setFont(", "new Font(",
              "getFont(", "Font.decode", "SansSerif", "\"Dialog\"", "Font.SANS_SERIF", "Font.DIALOG");
    }
  }
}
