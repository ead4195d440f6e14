package dev.stormproof.vision;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/** Synthetic game-like screens drawn from shapes only (no fonts: identical on every machine). */
final class Screens {

  static final Color RED = new Color(255, 0, 0);
  static final Color GREEN = new Color(0, 130, 0); // same luma as RED (76)
  static final Color BLUE = new Color(40, 90, 200);

  private Screens() {}

  /** The module's {@code target/} folder (the parent of test-classes), wherever Maven was started. */
  static Path targetDir() {
    try {
      return Path.of(Screens.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A w x h screen with a vertical gradient and seeded clutter, then {@code draw} in base coordinates scaled by {@code scale}. */
  static BufferedImage screen(int w, int h, double scale, Consumer<Graphics2D> draw) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setPaint(new GradientPaint(0, 0, new Color(30, 30, 60), 0, h, new Color(70, 40, 90)));
    g.fillRect(0, 0, w, h);
    g.transform(AffineTransform.getScaleInstance(scale, scale));
    Random r = new Random(42);
    for (int i = 0; i < 40; i++) { // background clutter: soft discs
      g.setColor(new Color(60 + r.nextInt(60), 60 + r.nextInt(60), 90 + r.nextInt(60), 120));
      int d = 20 + r.nextInt(60);
      g.fillOval(r.nextInt(1080), r.nextInt(2400), d, d);
    }
    draw.accept(g);
    g.dispose();
    return img;
  }

  /** A 96x96-ish button with an icon; {@code icon} picks one of several shapes. */
  static void button(Graphics2D g, int x, int y, int size, Color fill, int icon) {
    g.setColor(fill);
    g.fillRoundRect(x, y, size, size, size / 4, size / 4);
    g.setColor(Color.WHITE);
    g.setStroke(new BasicStroke(Math.max(2, size / 16f)));
    g.drawRoundRect(x + 3, y + 3, size - 6, size - 6, size / 4, size / 4);
    int c = size / 2;
    switch (icon) {
      case 0 -> g.fillPolygon(new int[] {x + c - 18, x + c - 18, x + c + 22}, new int[] {y + c - 22, y + c + 22, y + c}, 3);
      case 1 -> {
        g.fillRect(x + c - 20, y + c - 6, 40, 12);
        g.fillRect(x + c - 6, y + c - 20, 12, 40);
      }
      case 2 -> g.fillOval(x + c - 20, y + c - 20, 40, 40);
      case 3 -> {
        g.fillRect(x + c - 22, y + c - 22, 16, 16);
        g.fillRect(x + c + 6, y + c + 6, 16, 16);
        g.fillRect(x + c + 6, y + c - 22, 16, 16);
      }
      default -> {
        for (int i = 0; i < 4; i++) {
          g.fillRect(x + c - 22 + i * 12, y + c - 20, 6, 40);
        }
      }
    }
  }

  /** A button filled with a 2-px checkerboard: it looks flat gray once downscaled 4x. */
  static void checkerButton(Graphics2D g, int x, int y, int size) {
    g.setColor(new Color(20, 20, 20));
    g.fillRect(x, y, size, size);
    g.setColor(new Color(220, 220, 220));
    for (int yy = 4; yy < size - 4; yy += 2) {
      for (int xx = 4 + ((yy / 2) % 2) * 2; xx < size - 4; xx += 4) {
        g.fillRect(x + xx, y + yy, 2, 2);
      }
    }
  }

  /** The same outline as {@link #checkerButton} filled with the checkerboard's mean gray. */
  static void flatDecoy(Graphics2D g, int x, int y, int size) {
    g.setColor(new Color(20, 20, 20));
    g.fillRect(x, y, size, size);
    g.setColor(new Color(120, 120, 120));
    g.fillRect(x + 4, y + 4, size - 8, size - 8);
  }

  /** A class path root (temp folder) with {@code templates/} below it. */
  static final class TemplateDir {
    final Path root;

    TemplateDir(Path root) {
      this.root = root;
    }

    void png(String path, BufferedImage image) {
      try {
        Path p = root.resolve("templates").resolve(path);
        Files.createDirectories(p.getParent());
        ImageIO.write(image, "png", p.toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void crop(String path, BufferedImage screen, int x, int y, int w, int h) {
      BufferedImage copy = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = copy.createGraphics();
      g.drawImage(screen.getSubimage(x, y, w, h), 0, 0, null);
      g.dispose();
      png(path, copy);
    }

    void bytes(String path, byte[] content) {
      try {
        Path p = root.resolve("templates").resolve(path);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    URLClassLoader loader() {
      try {
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
      } catch (MalformedURLException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
