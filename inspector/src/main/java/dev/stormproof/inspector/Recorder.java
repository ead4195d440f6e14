package dev.stormproof.inspector;

import dev.stormproof.device.Point;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The taps and swipes made on the page, as Java lines to paste into a test. Thread-safe. */
final class Recorder {

  private final List<String> lines = new ArrayList<>();

  synchronized String tapTemplate(String template) {
    return add("vision.tap(\"" + template + "\");");
  }

  synchronized String tap(Point p) {
    return add("device.tap(new Point(" + p.x() + ", " + p.y() + "));");
  }

  synchronized String swipe(Point from, Point to, Duration d) {
    return add("device.swipe(new Point(" + from.x() + ", " + from.y() + "), new Point(" + to.x() + ", " + to.y()
        + "), Duration.ofMillis(" + d.toMillis() + "));");
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  synchronized void clear() {
    lines.clear();
  }

  private String add(String line) {
    lines.add(line);
    return line;
  }
}
