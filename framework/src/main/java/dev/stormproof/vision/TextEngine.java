package dev.stormproof.vision;

import static org.bytedeco.tesseract.global.tesseract.OEM_LSTM_ONLY;
import static org.bytedeco.tesseract.global.tesseract.RIL_TEXTLINE;
import static org.bytedeco.tesseract.global.tesseract.RIL_WORD;
import static org.bytedeco.tesseract.global.tesseract.TessDeleteText;
import static org.bytedeco.tesseract.global.tesseract.TessResultIteratorDelete;

import dev.stormproof.leak.Ledger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.tesseract.ResultIterator;
import org.bytedeco.tesseract.TessBaseAPI;

/**
 * One Tesseract engine of a {@link Vision}: the {@link TessBaseAPI} is allocated in a call's
 * {@link LedgerScope} and moved out of it (one reference plus its ledger entry, like an
 * {@link OwnedMat}), so the leak guard counts it until {@link #close()}. What Tesseract hands back
 * per recognition (text buffers, result iterators) is wrapped in pointers with a deallocator,
 * which attaches them to the calling scope: they are counted while the call runs and freed when
 * it ends, also when the call throws.
 *
 * <p>Not thread-safe by itself (Tesseract is not): {@link #recognize} is synchronized.
 */
final class TextEngine implements AutoCloseable {

  /** One recognised word: text, box in the recognised image's pixels, confidence 0-100, line index. */
  record Word(String text, int x, int y, int width, int height, float confidence, int line) {}

  private final String description;
  private TessBaseAPI api;
  private Ledger.Entry entry;

  private TextEngine(TessBaseAPI api, Ledger.Entry entry, String description) {
    this.api = api;
    this.entry = entry;
    this.description = description;
  }

  /**
   * Loads Tesseract with the options' trained data.
   *
   * @throws IllegalStateException when the trained data is missing or does not load
   */
  static TextEngine open(TextOptions options, LedgerScope scope) {
    Path dir = options.resolveTessdata();
    TessBaseAPI api = new TessBaseAPI();
    Ledger.Entry entry = scope.keep(api);
    TextEngine engine = new TextEngine(api, entry, "Tesseract " + options.language() + " from " + dir);
    // Tesseract 5 takes the folder itself; the trailing separator keeps 4.x builds happy too.
    if (api.Init(dir.toString() + java.io.File.separator, options.language(), OEM_LSTM_ONLY) != 0) {
      engine.close();
      throw new IllegalStateException("Tesseract could not load " + options.language() + ".traineddata from " + dir
          + ": the file is damaged or made for another Tesseract; reinstall it (Debian: apt-get install --reinstall "
          + "tesseract-ocr-" + options.language() + ") or set " + TextOptions.TESSDATA_KEY + " to another folder");
    }
    // Screenshots carry no resolution; without one Tesseract warns on stderr for every image.
    api.SetVariable("user_defined_dpi", "300");
    api.SetVariable("debug_file", "/dev/null");
    return engine;
  }

  /**
   * Recognises an 8-bit single-channel image (dark text on a light ground reads best).
   *
   * @param image CV_8UC1
   * @param psm Tesseract page segmentation mode
   * @param whitelist characters allowed, or empty for all
   * @return the words, in reading order
   */
  synchronized List<Word> recognize(Mat image, int psm, String whitelist) {
    if (api == null) {
      throw new IllegalStateException(description + " is closed");
    }
    List<Word> words = new ArrayList<>();
    api.SetVariable("tessedit_char_whitelist", whitelist);
    api.SetPageSegMode(psm);
    api.SetImage(image.data(), image.cols(), image.rows(), 1, (int) image.step());
    try {
      if (api.Recognize(null) != 0) {
        return words;
      }
      ResultIterator raw = api.GetIterator();
      if (raw == null || raw.isNull()) {
        return words;
      }
      ResultIterator it = new OwnedIterator(raw);
      int line = -1;
      int[] l = new int[1];
      int[] t = new int[1];
      int[] r = new int[1];
      int[] b = new int[1];
      do {
        if (it.Empty(RIL_WORD)) {
          continue;
        }
        if (line < 0 || it.IsAtBeginningOf(RIL_TEXTLINE)) {
          line++;
        }
        String text = take(it.GetUTF8Text(RIL_WORD));
        if (text.isBlank() || !it.BoundingBox(RIL_WORD, l, t, r, b)) {
          continue;
        }
        words.add(new Word(text.strip(), l[0], t[0], r[0] - l[0], b[0] - t[0], it.Confidence(RIL_WORD), line));
      } while (it.Next(RIL_WORD));
      return words;
    } finally {
      api.Clear(); // drops Tesseract's copy of the image and its results
    }
  }

  /** Copies and frees (at the end of the calling scope) a string Tesseract allocated. */
  private static String take(BytePointer raw) {
    if (raw == null || raw.isNull()) {
      return "";
    }
    return new OwnedText(raw).getString(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void close() {
    if (api != null) {
      api.End();
      api.releaseReference();
      api = null;
      entry.release();
      entry = null;
    }
  }

  @Override
  public String toString() {
    return description;
  }

  /** A Tesseract text buffer; its deallocator (TessDeleteText) attaches it to the calling scope. */
  static final class OwnedText extends BytePointer {
    OwnedText(BytePointer raw) {
      super(raw);
      deallocator(() -> TessDeleteText(raw));
    }
  }

  /** A Tesseract result iterator; its deallocator attaches it to the calling scope. */
  static final class OwnedIterator extends ResultIterator {
    OwnedIterator(ResultIterator raw) {
      super(raw);
      deallocator(() -> TessResultIteratorDelete(raw));
    }
  }
}
