package dev.stormproof.device.virtual;

import dev.stormproof.device.Size;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** Test app: a solid screen that records every input it gets. */
final class CountingApp implements VirtualApp {

  static final Color COLOR = new Color(200, 40, 90);

  final List<String> events = new ArrayList<>();
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

  synchronized List<String> events() {
    return new ArrayList<>(events);
  }
}
