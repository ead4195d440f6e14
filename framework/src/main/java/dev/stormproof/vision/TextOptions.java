package dev.stormproof.vision;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Settings of screen-text reading (OCR with Tesseract). Immutable.
 *
 * <p>Configuration keys read by {@link #fromConfig} (JUnit configuration parameters, {@code -D},
 * or any lookup function):
 * <ul>
 *   <li>{@code stormproof.text.tessdata} folder holding {@code <language>.traineddata}; default:
 *       the first of {@code $TESSDATA_PREFIX}, {@code /usr/share/tesseract-ocr/<version>/tessdata}
 *       (Debian and Ubuntu package {@code tesseract-ocr-eng}), {@code /usr/share/tessdata},
 *       {@code /usr/local/share/tessdata} and {@code /opt/homebrew/share/tessdata} that holds it</li>
 *   <li>{@code stormproof.text.language} Tesseract language; default {@value #DEFAULT_LANGUAGE}</li>
 * </ul>
 */
public final class TextOptions {

  /** The language read when none is configured. */
  public static final String DEFAULT_LANGUAGE = "eng";
  static final String TESSDATA_KEY = "stormproof.text.tessdata";
  static final String LANGUAGE_KEY = "stormproof.text.language";

  private final Path tessdata;
  private final String language;
  private final Function<String, String> env;

  private TextOptions(Path tessdata, String language, Function<String, String> env) {
    if (language == null || !language.matches("[A-Za-z_]+(\\+[A-Za-z_]+)*")) {
      throw new IllegalArgumentException(LANGUAGE_KEY + "='" + language
          + "' is not a Tesseract language: use a traineddata name such as eng, or eng+deu");
    }
    this.tessdata = tessdata;
    this.language = language;
    this.env = env;
  }

  /**
   * The defaults: trained data found automatically, English.
   *
   * @return default options
   */
  public static TextOptions defaults() {
    return new TextOptions(null, DEFAULT_LANGUAGE, System::getenv);
  }

  /**
   * Defaults overridden by the {@code stormproof.text.*} keys in the class Javadoc.
   *
   * @param config configuration lookup
   * @return the options
   * @throws IllegalArgumentException naming the key, the value and the fix when a value is invalid
   */
  public static TextOptions fromConfig(Function<String, Optional<String>> config) {
    return fromConfig(config, System::getenv);
  }

  static TextOptions fromConfig(Function<String, Optional<String>> config, Function<String, String> env) {
    Path dir = config.apply(TESSDATA_KEY).map(String::trim).filter(s -> !s.isEmpty()).map(Path::of).orElse(null);
    String lang = config.apply(LANGUAGE_KEY).map(String::trim).orElse(DEFAULT_LANGUAGE);
    return new TextOptions(dir, lang, env);
  }

  /**
   * These options reading trained data from {@code folder}.
   *
   * @param folder folder holding {@code <language>.traineddata}
   * @return a copy
   */
  public TextOptions withTessdata(Path folder) {
    return new TextOptions(folder, language, env);
  }

  /**
   * These options reading {@code language}.
   *
   * @param language a traineddata name such as {@code eng}
   * @return a copy
   * @throws IllegalArgumentException when it is not a language name
   */
  public TextOptions withLanguage(String language) {
    return new TextOptions(tessdata, language, env);
  }

  /**
   * The configured trained-data folder.
   *
   * @return the folder, or empty when it is found automatically
   */
  public Optional<Path> tessdata() {
    return Optional.ofNullable(tessdata);
  }

  /**
   * The language Tesseract reads.
   *
   * @return for example {@code eng}
   */
  public String language() {
    return language;
  }

  /**
   * The folder Tesseract loads from: the configured one, else the first known place holding the
   * trained data of every language.
   *
   * @return a folder holding {@code <language>.traineddata}
   * @throws IllegalStateException naming the file, the places searched and the fix when none has it
   */
  public Path resolveTessdata() {
    String[] langs = language.split("\\+");
    if (tessdata != null) {
      for (String l : langs) {
        if (!Files.isRegularFile(tessdata.resolve(l + ".traineddata"))) {
          throw new IllegalStateException(TESSDATA_KEY + "='" + tessdata + "' holds no " + l + ".traineddata: "
              + "point it at the folder that holds it (Debian: apt-get install tesseract-ocr-" + l
              + ", then /usr/share/tesseract-ocr/5/tessdata), or remove the key to search the usual places");
        }
      }
      return tessdata;
    }
    List<Path> searched = candidates();
    for (Path p : searched) {
      boolean all = true;
      for (String l : langs) {
        all &= Files.isRegularFile(p.resolve(l + ".traineddata"));
      }
      if (all) {
        return p;
      }
    }
    throw new IllegalStateException("reading text needs Tesseract trained data " + langs[0]
        + ".traineddata, but none of " + searched + " holds it: install it (Debian/Ubuntu: "
        + "sudo apt-get install -y tesseract-ocr-" + langs[0] + "; macOS: brew install tesseract) "
        + "or set " + TESSDATA_KEY + " to the folder that holds it");
  }

  private List<Path> candidates() {
    List<Path> out = new ArrayList<>();
    String prefix = env.apply("TESSDATA_PREFIX");
    if (prefix != null && !prefix.isBlank()) {
      Path p = Path.of(prefix.trim());
      out.add(p);
      out.add(p.resolve("tessdata"));
    }
    Path debian = Path.of("/usr/share/tesseract-ocr");
    if (Files.isDirectory(debian)) {
      try (var versions = Files.list(debian)) {
        // Newest first: "5" sorts after "4.00".
        versions.map(v -> v.resolve("tessdata")).sorted(java.util.Comparator.reverseOrder()).forEach(out::add);
      } catch (java.io.IOException e) {
        // unreadable: the message lists what was searched
      }
    }
    out.add(Path.of("/usr/share/tessdata"));
    out.add(Path.of("/usr/local/share/tessdata"));
    out.add(Path.of("/opt/homebrew/share/tessdata"));
    return out;
  }

  @Override
  public String toString() {
    return "TextOptions[tessdata=" + (tessdata == null ? "auto" : tessdata) + ", language=" + language + "]";
  }
}
