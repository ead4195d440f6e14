package dev.stormproof.device.virtual.arena;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Arena's only font: DejaVu Sans Bold, bundled as {@value #RESOURCE} (Bitstream Vera licence,
 * text beside it). Text is drawn as filled glyph outlines rather than with {@code drawString}, so
 * Java2D's own rasteriser paints it and no system font or glyph cache is involved.
 *
 * <p>Thread safety: the font is immutable; the outline cache is per instance and used under the
 * owning game's lock.
 */
final class ArenaFont {
  /** Class-path location of the bundled font file. */
  public static final String RESOURCE = "/dev/stormproof/arena/DejaVuSans-Bold.ttf";
  /** Its family name as the font file declares it. */
  public static final String FAMILY = "DejaVu Sans";

  /** Antialiased, fractional metrics: glyph advances scale linearly with the size. */
  static final FontRenderContext FRC = new FontRenderContext(null, true, true);
  private static final int CACHE_ENTRIES = 512;

  private final Map<String, Shape> outlines = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Shape> eldest) {
      return size() > CACHE_ENTRIES; // a hand-written LRU: tiny, and always used under one lock
    }
  };

  /**
   * The bundled font at 1 pt; {@code deriveFont} it for other sizes.
   *
   * @throws IllegalStateException when the font file is missing or unreadable (a broken build)
   */
  public static Font bold() {
    return Holder.FONT;
  }

  /** The outline of {@code text} at {@code size} pixels, baseline at y = 0, starting at x = 0. */
  Shape outline(String text, float size) {
    String key = size + "|" + text;
    Shape s = outlines.get(key);
    if (s == null) {
      s = bold().deriveFont(size).createGlyphVector(FRC, text).getOutline();
      outlines.put(key, s);
    }
    return s;
  }

  /** The outline of {@code text} with its visual bounds centred on (cx, cy). */
  Shape centred(String text, float size, double cx, double cy) {
    Shape s = outline(text, size);
    var b = s.getBounds2D();
    return AffineTransform.getTranslateInstance(cx - b.getCenterX(), cy - b.getCenterY()).createTransformedShape(s);
  }

  /** The largest size up to {@code size} at which {@code text} is at most {@code maxWidth} wide. */
  float fit(String text, float size, double maxWidth) {
    double w = outline(text, size).getBounds2D().getWidth();
    return w <= maxWidth || w == 0 ? size : (float) (size * maxWidth / w);
  }

  private static final class Holder {
    static final Font FONT = load();

    private static Font load() {
      try (InputStream in = ArenaFont.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("Arena font " + RESOURCE + " is not on the class path; "
              + "the framework jar is incomplete: rebuild it");
        }
        return Font.createFont(Font.TRUETYPE_FONT, in);
      } catch (FontFormatException e) {
        throw new IllegalStateException("Arena font " + RESOURCE + " is not a TrueType font: " + e.getMessage(), e);
      } catch (IOException e) {
        throw new UncheckedIOException("Arena font " + RESOURCE + " could not be read", e);
      }
    }
  }
}
