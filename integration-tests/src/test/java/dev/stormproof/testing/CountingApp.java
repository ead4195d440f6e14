package dev.stormproof.testing;

import dev.stormproof.device.Size;
import dev.stormproof.device.virtual.VirtualApp;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Test app: a solid {@link #COLOR} screen that records every input it gets, in order, as
 * {@code start}, {@code stop}, {@code tap X Y}, {@code swipe X1 Y1 X2 Y2}, {@code text T} and
 * {@code key K}. Thread-safe; the accessors return snapshots.
 */
public final class CountingApp implements VirtualApp {

  public static final Color COLOR = new Color(200, 40, 90);

  private final List<String> events = new ArrayList<>();
  private int starts;

  @Override
  public String packageName() {
    return "dev.stormproof.counting";
  }

  @Override
  public String component() {
    return "dev.stormproof.counting/.Main";
  }

  @Override
  public synchronized void start(long nowMillis) {
    starts++;
    events.add("start");
  }

  @Override
  public synchronized void stop(long nowMillis) {
    events.add("stop");
  }

  @Override
  public BufferedImage render(Size size, long nowMillis) {
    BufferedImage image = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(COLOR);
    g.fillRect(0, 0, size.width(), size.height());
    g.dispose();
    return image;
  }

  @Override
  public synchronized void tap(int x, int y, long nowMillis) {
    events.add("tap " + x + " " + y);
  }

  @Override
  public synchronized void swipe(int x1, int y1, int x2, int y2, long durationMillis, long nowMillis) {
    events.add("swipe " + x1 + " " + y1 + " " + x2 + " " + y2);
  }

  @Override
  public synchronized void text(String text, long nowMillis) {
    events.add("text " + text);
  }

  @Override
  public synchronized void key(int keyCode, long nowMillis) {
    events.add("key " + keyCode);
  }

  @Override
  public synchronized String dump(long nowMillis) {
    return "counting: starts=" + starts + " events=" + events.size();
  }

  /** Every input so far, oldest first. */
  public synchronized List<String> events() {
    return new ArrayList<>(events);
  }

  /** The text of every {@code text} input so far, oldest first. */
  public List<String> texts() {
    return argumentsOf("text ");
  }

  /** The key code of every {@code key} input so far, oldest first. */
  public List<String> keys() {
    return argumentsOf("key ");
  }

  /** Forgets every input recorded so far (the start count stays). */
  public synchronized void clear() {
    events.clear();
  }

  private synchronized List<String> argumentsOf(String prefix) {
    return events.stream().filter(e -> e.startsWith(prefix)).map(e -> e.substring(prefix.length())).toList();
  }
}
