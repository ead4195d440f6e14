package dev.stormproof.vision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormproof.device.Size;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Arena template (cut at 1080x2400) on every tour stop of a 720x1600 Arena (scale 2/3),
 * ground truth from the scene model. The full table over all sizes is {@link ArenaAccuracy#main}.
 */
class ArenaAccuracyTest {

  @TempDir Path dir;

  @Test
  void findAndFindAllArePreciseAndCompleteOnAScaledArena() {
    Screens.TemplateDir templates = new Screens.TemplateDir(dir);
    ArenaAccuracy.exportTemplates(templates);
    ArenaAccuracy.Row row = ArenaAccuracy.run(templates, new Size(720, 1600), "calibrated", ArenaAccuracy.calibrated());
    System.out.println(ArenaAccuracy.HEADER + "\n" + row);
    assertThat(row.errors).isEmpty();
    assertThat(row.findTp).isEqualTo(26);
    assertThat(row.allTp).isEqualTo(48);
  }
}
