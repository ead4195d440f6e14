package dev.stormproof.bench;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.sikuli.script.Finder;
import org.sikuli.script.Match;
import org.sikuli.script.Pattern;

/**
 * SikuliX 2.0.5's headless matcher, run in its own JVM by {@link PeersBench}: SikuliX's
 * org.openpnp:opencv carries its own {@code org.opencv.*} classes, which clash with bytedeco's on
 * one class path. Uses only the JDK and SikuliX. Prints one line
 * {@code RESULT {"x":..,"y":..,"score":..,"nanos":[..],"note":".."}}.
 *
 * <p>Timed section per run: {@code new Finder(screen)} (SikuliX converts the BufferedImage to a
 * Mat there) + {@code find(Pattern.similar(threshold))} + reading the best match, the way a
 * SikuliX script uses it. The Pattern is built once.
 *
 * <p>Usage: {@code SikulixProbe screen.png template.png warmup runs threshold}
 */
public final class SikulixProbe {
  private SikulixProbe() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 5) {
      throw new IllegalArgumentException("usage: SikulixProbe screen.png template.png warmup runs threshold; got "
          + args.length + " arguments");
    }
    BufferedImage screen = ImageIO.read(new File(args[0]));
    BufferedImage template = ImageIO.read(new File(args[1]));
    int warmup = Integer.parseInt(args[2]);
    int runs = Integer.parseInt(args[3]);
    double threshold = Double.parseDouble(args[4]);
    Pattern pattern = new Pattern(template).similar(threshold);
    long[] nanos = new long[runs];
    int x = -1;
    int y = -1;
    double score = Double.NaN;
    for (int i = -warmup; i < runs; i++) {
      long t0 = System.nanoTime();
      Finder finder = new Finder(screen);
      finder.find(pattern);
      Match m = finder.hasNext() ? finder.next() : null;
      long t = System.nanoTime() - t0;
      finder.destroy();
      if (i >= 0) {
        nanos[i] = t;
      }
      x = m == null ? -1 : m.x;
      y = m == null ? -1 : m.y;
      score = m == null ? Double.NaN : m.getScore();
    }
    StringBuilder json = new StringBuilder("RESULT {\"x\":").append(x).append(",\"y\":").append(y)
        .append(",\"score\":").append(Double.isNaN(score) ? "null" : String.format(Locale.ROOT, "%.4f", score))
        .append(",\"nanos\":[");
    for (int i = 0; i < nanos.length; i++) {
      json.append(i == 0 ? "" : ",").append(nanos[i]);
    }
    json.append("],\"note\":\"new Finder(BufferedImage) + find(Pattern.similar(").append(threshold)
        .append(")) + best match\"}");
    System.out.println(json);
    System.out.flush();
    // SikuliX may leave non-daemon threads behind; this probe is a process of its own.
    System.exit(0);
  }
}
