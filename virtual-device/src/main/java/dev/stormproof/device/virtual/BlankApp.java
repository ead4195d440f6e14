package dev.stormproof.device.virtual;

import dev.stormproof.device.Size;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * The built-in app: a solid screen (teal while started, black when stopped) whose shade steps
 * with every tap, so a capture shows that input arrived. Counts taps, swipes, text and keys for
 * {@code dumpsys}. Thread-safe.
 */
final class BlankApp implements VirtualApp {

  private boolean running;
  private long taps;
  private long swipes;
  private long keys;
  private final StringBuilder text = new StringBuilder();

  @Override
  public String packageName() {
    return "dev.stormproof.blank";
  }

  @Override
  public String component() {
    return "dev.stormproof.blank/.MainActivity";
  }

  @Override
  public synchronized void start(long nowMillis) {
    running = true;
  }

  @Override
  public synchronized void stop(long nowMillis) {
    running = false;
  }

  @Override
  public synchronized BufferedImage render(Size size, long nowMillis) {
    BufferedImage image = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(running ? new Color(0, 96 + (int) (taps % 16) * 8, 128) : Color.BLACK);
      g.fillRect(0, 0, size.width(), size.height());
    } finally {
      g.dispose();
    }
    return image;
  }

  @Override
  public synchronized void tap(int x, int y, long nowMillis) {
    taps++;
  }

  @Override
  public synchronized void swipe(int x1, int y1, int x2, int y2, long durationMillis, long nowMillis) {
    swipes++;
  }

  @Override
  public synchronized void text(String t, long nowMillis) {
    if (text.length() < 4096) {
      text.append(t);
    }
  }

  @Override
  public synchronized void key(int keyCode, long nowMillis) {
    keys++;
  }

  @Override
  public synchronized String dump(long nowMillis) {
    return "blank: running=" + running + " taps=" + taps + " swipes=" + swipes + " keys=" + keys + " text=" + text;
  }
}
