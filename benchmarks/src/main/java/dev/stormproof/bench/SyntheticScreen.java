package dev.stormproof.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * A game-like 1080x2400 screen drawn with Java2D for when the sample game Arena is not available:
 * gradient sky, scattered decorations, and a grid of look-alike 96 px buttons (same shape and
 * palette, different labels) so that a matcher which is only roughly right picks a neighbour.
 * Deterministic for a seed on one machine (its text uses the JDK's default fonts, so it is not
 * pixel-identical across machines; the template is cut from the same render, which is all a
 * benchmark needs).
 */
public final class SyntheticScreen {
  static final int WIDTH = 1080;
  static final int HEIGHT = 2400;
  static final int BUTTON = 96;
  private static final String[] LABELS = {"GO", "G0", "OK", "GD", "CO", "QO", "OG", "DO"};

  private SyntheticScreen() {
  }

  /** The scene: the target is the "GO" button at grid cell (3, 7). */
  public static Scene render(long seed) {
    BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setPaint(new GradientPaint(0, 0, new Color(40, 70, 140), 0, HEIGHT, new Color(150, 90, 60)));
    g.fillRect(0, 0, WIDTH, HEIGHT);
    Random r = new Random(seed);
    for (int i = 0; i < 120; i++) {
      g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256), 90));
      int d = 10 + r.nextInt(80);
      g.fillOval(r.nextInt(WIDTH), r.nextInt(HEIGHT), d, d);
    }
    g.setColor(new Color(20, 20, 30, 200));
    g.fillRect(0, 0, WIDTH, 140);
    Rectangle target = null;
    int cols = 5;
    int rows = 12;
    for (int row = 0; row < rows; row++) {
      for (int col = 0; col < cols; col++) {
        int x = 90 + col * 190 + r.nextInt(9);
        int y = 260 + row * 170 + r.nextInt(9);
        boolean isTarget = col == 3 && row == 7;
        String label = isTarget ? "GO" : LABELS[1 + r.nextInt(LABELS.length - 1)];
        drawButton(g, x, y, label, r.nextInt(3));
        if (isTarget) {
          target = new Rectangle(x, y, BUTTON, BUTTON);
        }
      }
    }
    g.dispose();
    return Scene.cut("synthetic 1080x2400 seed " + seed, img, target);
  }

  private static void drawButton(Graphics2D g, int x, int y, String label, int palette) {
    Color top = palette == 0 ? new Color(90, 200, 90) : palette == 1 ? new Color(80, 190, 100) : new Color(95, 205, 85);
    g.setPaint(new GradientPaint(x, y, top, x, y + BUTTON, new Color(20, 100, 30)));
    g.fillRoundRect(x + 4, y + 4, BUTTON - 8, BUTTON - 8, 28, 28);
    g.setColor(new Color(240, 240, 200));
    g.setStroke(new BasicStroke(4f));
    g.drawRoundRect(x + 4, y + 4, BUTTON - 8, BUTTON - 8, 28, 28);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
    int w = g.getFontMetrics().stringWidth(label);
    g.setColor(Color.WHITE);
    g.drawString(label, x + (BUTTON - w) / 2, y + 63);
  }
}
