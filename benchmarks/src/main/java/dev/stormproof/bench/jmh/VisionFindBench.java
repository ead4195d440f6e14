package dev.stormproof.bench.jmh;

import dev.stormproof.bench.Scene;
import dev.stormproof.bench.StillDevice;
import dev.stormproof.leak.Ledger;
import dev.stormproof.report.ReportSinks;
import dev.stormproof.vision.Frame;
import dev.stormproof.vision.Template;
import dev.stormproof.vision.TemplateLibrary;
import dev.stormproof.vision.Vision;
import dev.stormproof.vision.VisionOptions;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.bytedeco.opencv.global.opencv_core;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Stormproof's {@code Vision.find} (coarse-to-fine; its pyramid level follows from the template
 * size and scale range) on the benchmark scene, per scale setting: {@code 1.0-1.0} (exact scale)
 * and {@code 0.75-1.33} (the cross-resolution tolerance). {@code findOnFrame} searches one frame
 * captured in set-up; {@code captureAndFind} also builds the frame from raw RGBA each time.
 * Result cache off, one OpenCV thread. Everything is closed in tear-down.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class VisionFindBench {
  @Param({"1.0-1.0", "0.75-1.33"})
  public String scales;

  private URLClassLoader loader;
  private TemplateLibrary library;
  private Vision vision;
  private Template template;
  private Frame frame;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    opencv_core.setNumThreads(1);
    Scene scene = BenchScene.get();
    Path root = Files.createTempDirectory("stormproof-jmh-templates");
    Path dir = Files.createDirectories(root.resolve("templates/bench"));
    ImageIO.write(scene.template(), "png", dir.resolve("template.png").toFile());
    String[] s = scales.split("-");
    VisionOptions options = VisionOptions.defaults().withResultCacheSize(0).withThreshold(0.8)
        .withScales(Double.parseDouble(s[0]), Double.parseDouble(s[1]));
    Ledger ledger = new Ledger().withoutSites();
    loader = new URLClassLoader(new java.net.URL[] {root.toUri().toURL()}, null);
    library = TemplateLibrary.open(loader, options, ledger, "jmh");
    vision = Vision.open(new StillDevice(scene.screen()), library, options, ledger, "jmh", ReportSinks.of());
    template = vision.template("bench/template.png");
    frame = vision.capture();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    frame.close();
    vision.close();
    library.close();
    loader.close();
  }

  @Benchmark
  public boolean findOnFrame() {
    return vision.find(template, frame).isPresent();
  }

  @Benchmark
  public boolean captureAndFind() {
    try (Frame f = vision.capture()) {
      return vision.find(template, f).isPresent();
    }
  }
}
