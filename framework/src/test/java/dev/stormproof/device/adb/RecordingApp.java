package dev.stormproof.device.adb;

import dev.stormproof.device.Size;
import dev.stormproof.device.virtual.VirtualApp;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A solid-colour app that records the text it is typed and the taps it gets. */
public final class RecordingApp implements VirtualApp {

  public static final Color COLOR = new Color(10, 200, 30);
  public final List<String> texts = new CopyOnWriteArrayList<>();
  public final List<String> keys = new CopyOnWriteArrayList<>();

  @Override public String packageName() { return "dev.stormproof.recording"; }
  @Override public String component() { return "dev.stormproof.recording/.Main"; }
  @Override public void start(long nowMillis) { }
  @Override public void stop(long nowMillis) { }

  @Override
  public BufferedImage render(Size size, long nowMillis) {
    BufferedImage image = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(COLOR);
    g.fillRect(0, 0, size.width(), size.height());
    g.dispose();
    return image;
  }

  @Override public void tap(int x, int y, long nowMillis) { }
  @Override public void swipe(int x1, int y1, int x2, int y2, long durationMillis, long nowMillis) { }
  @Override public void text(String text, long nowMillis) { texts.add(text); }
  @Override public void key(int keyCode, long nowMillis) { keys.add(Integer.toString(keyCode)); }
  @Override public String dump(long nowMillis) { return "recording app: " + texts.size() + " texts"; }
}
