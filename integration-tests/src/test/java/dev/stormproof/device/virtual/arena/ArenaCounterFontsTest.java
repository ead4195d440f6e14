package dev.stormproof.device.virtual.arena;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Arena's counters are drawn in two faces besides its text face, each bundled with its licence. */
class ArenaCounterFontsTest {

  @Test
  void theCounterFacesLoadFromTheirBundledFilesWithTheirLicences() {
    assertThat(ArenaFont.Face.MONO.font().getFontName()).isEqualTo("DejaVu Sans Mono Bold");
    assertThat(ArenaFont.Face.SERIF.font().getFontName()).isEqualTo("DejaVu Serif Bold");
    assertThat(ArenaFont.Face.SANS.font()).isSameAs(ArenaFont.bold());
    for (ArenaFont.Face f : ArenaFont.Face.values()) {
      assertThat(ArenaFont.class.getResource(f.resource().replace(".ttf", ".LICENSE.txt"))).as(f.name()).isNotNull();
    }
  }

  @Test
  void theSameDigitsHaveThreeDifferentShapes() {
    ArenaFont font = new ArenaFont();
    double sans = font.outline(ArenaFont.Face.SANS, "100", 50f).getBounds2D().getWidth();
    double mono = font.outline(ArenaFont.Face.MONO, "100", 50f).getBounds2D().getWidth();
    double serif = font.outline(ArenaFont.Face.SERIF, "100", 50f).getBounds2D().getWidth();
    assertThat(new double[] {mono, serif}).doesNotContain(sans);
    assertThat(mono).isNotEqualTo(serif);
  }
}
