package dev.stormproof.vision;

import dev.stormproof.leak.Ledger;
import dev.stormproof.testing.RecordingSink;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** A Vision over a {@link FakeDevice} with templates written to a temp class path root. */
final class VisionFixture implements AutoCloseable {
  static final String OWNER = "test-1";
  static final String LIBRARY = "session/templates";

  final Ledger ledger = new Ledger();
  final RecordingSink report = new RecordingSink();
  final Screens.TemplateDir templates;
  final FakeDevice device;
  final VisionOptions options;
  TemplateLibrary library;
  Vision vision;

  VisionFixture(Path dir, BufferedImage screen, VisionOptions options) {
    this.templates = new Screens.TemplateDir(dir);
    this.device = new FakeDevice(screen);
    this.options = options;
  }

  Vision open() {
    library = TemplateLibrary.open(templates.loader(), options, ledger, LIBRARY);
    vision = Vision.open(device, library, options, ledger, OWNER, report);
    return vision;
  }

  @Override
  public void close() {
    if (vision != null) {
      vision.close();
    }
    if (library != null) {
      library.close();
    }
  }
}
