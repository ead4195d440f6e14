package dev.stormproof.samples;

import dev.stormproof.report.ReportSinks;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PipelineSmokeTest {
  @Test
  void attachesAPng() throws Exception {
    BufferedImage img = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    ReportSinks.discover(getClass().getClassLoader()).attach("screenshot", "image/png", "png", out.toByteArray());
  }
}
