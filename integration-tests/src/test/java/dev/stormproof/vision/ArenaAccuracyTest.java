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
    assertThat(new int[] {row.findFp, row.findFn, row.allFp, row.allFn}).containsOnly(0);
    // Not vacuous: every stop shows several templated elements (counts follow Arena's layout).
    assertThat(row.findTp).isGreaterThanOrEqualTo(20);
    assertThat(row.allTp).isGreaterThanOrEqualTo(40);
  }

  /**
   * The committed templates of the sample suite must match on the machine that runs
   * it. Render Arena here and find every committed template, exactly where the scene model says.
   */
  @Test
  void theCommittedSampleTemplatesMatchArenaRenderedOnThisMachine() {
    Screens.TemplateDir committed = new Screens.TemplateDir(
        Path.of("..", "sample-tests", "src", "test", "resources"));
    ArenaAccuracy.Row row = ArenaAccuracy.run(committed, new Size(1080, 2400), "committed", ArenaAccuracy.calibrated());
    System.out.println(ArenaAccuracy.HEADER + "\n" + row);
    assertThat(row.errors).isEmpty();
    assertThat(new int[] {row.findFp, row.findFn, row.allFp, row.allFn}).containsOnly(0);
    assertThat(row.findTp).isGreaterThanOrEqualTo(20);
  }
}
