package dev.stormproof.bench;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A screen, the template cut from it and where the template truly is (ground truth). Every
 * matcher in the peers benchmark gets the same PNG files written by {@link #writeTo}.
 *
 * @param origin where the screen came from (for the report), e.g. {@code synthetic seed 7}
 */
public record Scene(String origin, BufferedImage screen, Rectangle truth, BufferedImage template) {

  /** The template cut from {@code screen} at {@code truth}. */
  public static Scene cut(String origin, BufferedImage screen, Rectangle truth) {
    BufferedImage t = new BufferedImage(truth.width, truth.height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = t.createGraphics();
    g.drawImage(screen, -truth.x, -truth.y, null);
    g.dispose();
    return new Scene(origin, toRgb(screen), truth, t);
  }

  /** The same template on the screen scaled by {@code factor} (template left unscaled). */
  public Scene scaledScreen(double factor) {
    int w = (int) Math.round(screen.getWidth() * factor);
    int h = (int) Math.round(screen.getHeight() * factor);
    BufferedImage s = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = s.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.drawImage(screen, 0, 0, w, h, null);
    g.dispose();
    Rectangle r = new Rectangle((int) Math.round(truth.x * factor), (int) Math.round(truth.y * factor),
        (int) Math.round(truth.width * factor), (int) Math.round(truth.height * factor));
    return new Scene(origin + " scaled x" + factor, s, r, template);
  }

  /**
   * True when a match whose top-left is (x, y) and whose size is the template's points at the
   * true button: its centre lies within {@code tolerancePx} of the true centre.
   */
  public boolean isRight(int x, int y, int tolerancePx) {
    return isRight(x, y, -1, -1, tolerancePx);
  }

  /** As {@link #isRight(int, int, int)} for a match of size w x h (negative: the template's). */
  public boolean isRight(int x, int y, int w, int h, int tolerancePx) {
    double cx = x + (w < 0 ? template.getWidth() : w) / 2.0;
    double cy = y + (h < 0 ? template.getHeight() : h) / 2.0;
    return Math.abs(cx - truth.getCenterX()) <= tolerancePx && Math.abs(cy - truth.getCenterY()) <= tolerancePx;
  }

  /** Writes {@code <name>-screen.png} and {@code <name>-template.png}; returns {screen, template}. */
  public Path[] writeTo(Path dir, String name) {
    try {
      Files.createDirectories(dir);
      Path s = dir.resolve(name + "-screen.png");
      Path t = dir.resolve(name + "-template.png");
      ImageIO.write(screen, "png", s.toFile());
      ImageIO.write(template, "png", t.toFile());
      return new Path[] {s, t};
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write scene images to " + dir, e);
    }
  }

  private static BufferedImage toRgb(BufferedImage in) {
    if (in.getType() == BufferedImage.TYPE_INT_RGB) {
      return in;
    }
    BufferedImage out = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.drawImage(in, 0, 0, null);
    g.dispose();
    return out;
  }
}
