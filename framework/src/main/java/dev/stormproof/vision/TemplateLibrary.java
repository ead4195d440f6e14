package dev.stormproof.vision;

import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.stormproof.device.Size;
import dev.stormproof.leak.Ledger;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Loads templates from {@code <root>/} (default {@code templates/}) on a class path and keeps
 * them decoded and preprocessed in a Caffeine cache bounded by bytes; an evicted template's
 * native buffers are freed once no search uses it any more (see {@link TemplateImage}).
 *
 * <p>Longer-lived than a {@link Vision}: the JUnit layer keeps one per session so templates
 * cached across tests are recorded in the ledger under this library's owner, not as a test's
 * leak. A plain {@code main} may let {@link Vision#open} create a private one.
 *
 * <p>Thread-safe. {@link #close()} waits for loads in flight and frees every cached template;
 * afterwards every method throws {@link IllegalStateException}.
 */
public final class TemplateLibrary implements AutoCloseable {

  private final ClassLoader loader;
  private final java.nio.file.Path directory;
  private final VisionOptions options;
  private final Ledger ledger;
  private final String owner;
  private final Gate gate;
  private final Cache<String, TemplateImage> cache;

  private TemplateLibrary(ClassLoader loader, java.nio.file.Path directory, VisionOptions options, Ledger ledger,
      String owner) {
    this.loader = loader;
    this.directory = directory;
    this.options = options;
    this.ledger = ledger;
    this.owner = owner;
    this.gate = new Gate("TemplateLibrary " + owner, ledger, owner);
    this.cache = Caffeine.newBuilder()
        .maximumWeight(options.templateCacheBytes())
        .weigher((String k, TemplateImage v) -> v.weight())
        // Synchronous: an evicted template is released before the evicting call returns.
        .executor(Runnable::run)
        .removalListener((String k, TemplateImage v, com.github.benmanes.caffeine.cache.RemovalCause c) -> {
          if (v != null) {
            v.release();
          }
        })
        .recordStats()
        .build();
  }

  /**
   * A library reading {@code options.templateRoot()} from {@code loader}, recording its native
   * buffers in {@code ledger} under {@code owner}. The caller closes it.
   *
   * @param loader class loader the template files are read from
   * @param options the templates root and cache bound
   * @param ledger records the decoded templates' native buffers
   * @param owner names them in the ledger
   * @return the library
   */
  public static TemplateLibrary open(ClassLoader loader, VisionOptions options, Ledger ledger, String owner) {
    return new TemplateLibrary(loader, null, options, ledger, owner);
  }

  /**
   * A library reading template files from {@code directory} (a folder on disk, for example
   * {@code src/test/resources/templates}) instead of the class path; for tools that edit the
   * library while it is open (the inspector) and for the template lint. Paths are checked as for
   * class path libraries, and a file must resolve inside the folder (no symbolic link out).
   *
   * @param directory the templates root folder; must exist
   * @param options the cache bound (its {@code templateRoot} is not used)
   * @param ledger where native buffers are recorded
   * @param owner the ledger owner of the cached templates
   * @return the library
   * @throws IllegalArgumentException when {@code directory} is not a folder
   */
  public static TemplateLibrary open(java.nio.file.Path directory, VisionOptions options, Ledger ledger, String owner) {
    if (!java.nio.file.Files.isDirectory(directory)) {
      throw new IllegalArgumentException("templates folder " + directory.toAbsolutePath()
          + " does not exist: create it or pass the folder that holds your template PNGs, "
          + "for example src/test/resources/templates");
    }
    return new TemplateLibrary(null, directory.toAbsolutePath().normalize(), options, ledger, owner);
  }

  /**
   * Every {@code .png} below the folder of a directory library, as template paths ({@code /}
   * separated, relative to the folder), sorted.
   *
   * @return the paths
   * @throws IllegalStateException for a class path library, whose folder cannot be listed
   */
  public java.util.List<String> paths() {
    if (directory == null) {
      throw new IllegalStateException("TemplateLibrary " + owner + " reads the class path, which cannot be listed: "
          + "open it with TemplateLibrary.open(Path, ...) on the templates folder");
    }
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(directory)) {
      return files.filter(f -> java.nio.file.Files.isRegularFile(f) && f.getFileName().toString().endsWith(".png"))
          .map(f -> directory.relativize(f).toString().replace(java.io.File.separatorChar, '/'))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("could not list templates folder " + directory, e);
    }
  }

  /**
   * The file a template path names in a directory library, checked to lie inside its folder.
   *
   * @param path a template path, for example {@code shop/buy.png}
   * @return the absolute file (it may not exist yet)
   * @throws TemplateException for a path that leaves the folder
   * @throws IllegalStateException for a class path library
   */
  public java.nio.file.Path file(String path) {
    if (directory == null) {
      throw new IllegalStateException("TemplateLibrary " + owner + " reads the class path, which has no files: "
          + "open it with TemplateLibrary.open(Path, ...) on the templates folder");
    }
    String clean = checkPath(path, directory.getFileName().toString());
    java.nio.file.Path file = directory.resolve(clean).normalize();
    try {
      java.nio.file.Path real = directory.toRealPath();
      java.nio.file.Path parent = file.getParent();
      while (parent != null && !java.nio.file.Files.exists(parent)) {
        parent = parent.getParent();
      }
      if (parent == null || !parent.toRealPath().startsWith(real)
          || (java.nio.file.Files.exists(file) && !file.toRealPath().startsWith(real))) {
        throw new TemplateException("template path '" + path + "' resolves outside " + directory
            + " through a symbolic link: keep templates inside the templates folder");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not resolve template " + path + " in " + directory, e);
    }
    return file;
  }

  /**
   * The template at {@code path} (relative to the root, for example {@code arena/shop.png}),
   * loaded now so a bad file fails here.
   *
   * @param path relative to the templates root
   * @return the template, with no per-template options
   * @throws TemplateException for a path outside the root, or a missing, empty, unreadable or
   *     flat file
   */
  public Template template(String path) {
    TemplateImage image = acquire(path);
    try {
      return new Template(this, path, new Size(image.width, image.height), null, null, null, false, null);
    } finally {
      image.release();
    }
  }

  /** @return cache statistics (hits, misses, evictions) */
  public CacheStats stats() {
    return cache.stats();
  }

  /** Bytes of decoded templates currently cached (their cache weights). */
  long cachedWeight() {
    cache.cleanUp();
    return cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
  }

  /** Number of templates currently cached. */
  long cachedCount() {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  /** Runs pending cache maintenance (evictions) now. */
  public void cleanUp() {
    cache.cleanUp();
  }

  /** @return the owner its buffers are recorded under */
  public String owner() {
    return owner;
  }

  /**
   * The decoded template with one reference taken for the caller, who must {@link
   * TemplateImage#release()} it. Retries when an eviction freed the cached copy between lookup
   * and acquire.
   */
  TemplateImage acquire(String path) {
    String clean = checkPath(path, directory != null ? directory.getFileName().toString() : options.templateRoot());
    while (true) {
      TemplateImage image;
      TemplateImage[] loadedForUs = new TemplateImage[1];
      try (Gate.Call call = gate.enter("loading template " + clean)) {
        image = cache.get(clean, p -> {
          TemplateImage fresh = load(p, call.scope);
          // Take the caller's reference before the cache can evict it (an entry heavier than
          // the bound, or one TinyLFU refuses, is evicted right after the load).
          fresh.acquire();
          loadedForUs[0] = fresh;
          return fresh;
        });
      }
      if (loadedForUs[0] == image || image.acquire()) {
        return image;
      }
      cache.asMap().remove(clean, image); // freed by an eviction between lookup and acquire
    }
  }

  static String checkPath(String path, String root) {
    if (path == null || path.isBlank()) {
      throw new TemplateException("template path '" + (path == null ? "null" : path)
          + "' is empty: give a path relative to " + root + "/, for example arena/shop.png");
    }
    boolean bad = path.startsWith("/") || path.contains("\\") || path.contains(":");
    for (String segment : path.split("/", -1)) {
      bad |= segment.isEmpty() || segment.equals(".") || segment.equals("..");
    }
    if (bad) {
      throw new TemplateException("template path '" + path + "' leaves " + root + "/: use a relative path "
          + "inside it without '..', '.', empty segments, '\\', ':' or a leading '/', for example arena/shop.png");
    }
    return path;
  }

  private byte[] read(String path, String resource) {
    if (directory != null) {
      java.nio.file.Path file = file(path);
      if (!java.nio.file.Files.isRegularFile(file)) {
        throw new TemplateException("template " + path + " not found: no file " + file + "; add the image there");
      }
      try {
        return java.nio.file.Files.readAllBytes(file);
      } catch (IOException e) {
        throw new UncheckedIOException("template " + path + " could not be read from " + file, e);
      }
    }
    URL url = loader.getResource(resource);
    if (url == null) {
      throw new TemplateException("template " + path + " not found: no class path resource " + resource
          + "; add the image as src/test/resources/" + resource);
    }
    try (InputStream in = url.openStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("template " + path + " could not be read from " + url, e);
    }
  }

  private TemplateImage load(String path, LedgerScope scope) {
    String resource = directory != null ? directory.getFileName() + "/" + path : options.templateRoot() + "/" + path;
    byte[] bytes = read(path, resource);
    if (bytes.length == 0) {
      throw new TemplateException("template " + path + " is empty (0 bytes in " + resource
          + "): re-export it as a PNG");
    }
    Mat encoded = new Mat(bytes);
    Mat decoded = imdecode(encoded, IMREAD_UNCHANGED);
    if (decoded == null || decoded.empty()) {
      throw new TemplateException("template " + path + " is not a readable image (" + bytes.length
          + " bytes in " + resource + "): re-export it as a PNG");
    }
    if (decoded.depth() != opencv_core.CV_8U) {
      throw new TemplateException("template " + path + " has " + LedgerScope.typeName(decoded.type())
          + " pixels: save it as an 8-bit PNG");
    }
    if (decoded.cols() < 8 || decoded.rows() < 8) {
      throw new TemplateException("template " + path + " is " + decoded.cols() + "x" + decoded.rows()
          + " px: crop at least 8x8 px (ideally 48-200 px) around the element");
    }
    OwnedMat bgr = OwnedMat.allocate(scope, decoded.rows(), decoded.cols(), opencv_core.CV_8UC3);
    OwnedMat gray = null;
    try {
      int channels = decoded.channels();
      if (channels == 4) {
        cvtColor(decoded, bgr.mat(), COLOR_BGRA2BGR);
      } else if (channels == 1) {
        cvtColor(decoded, bgr.mat(), COLOR_GRAY2BGR);
      } else {
        decoded.copyTo(bgr.mat());
      }
      gray = OwnedMat.allocate(scope, decoded.rows(), decoded.cols(), opencv_core.CV_8UC1);
      cvtColor(bgr.mat(), gray.mat(), COLOR_BGR2GRAY);
      Mat mu = new Mat(1, 1, opencv_core.CV_64F);
      Mat sigma = new Mat(1, 1, opencv_core.CV_64F);
      meanStdDev(gray.mat(), mu, sigma);
      if (sigma.ptr(0).getDouble() < 1.0) {
        throw new TemplateException("template " + path + " is a single flat colour: matching needs edges; "
            + "crop it to include the element's border, text or icon");
      }
      Scalar m = mean(bgr.mat());
      double[] meanBgr = {m.get(0), m.get(1), m.get(2)};
      return new TemplateImage(path, gray, bgr, meanBgr, ledger, owner);
    } catch (RuntimeException | Error e) {
      // bgr and gray were moved out of the call's scope: on any failure they are ours to free.
      bgr.close();
      if (gray != null) {
        gray.close();
      }
      throw e;
    }
  }

  /** Frees every cached template (in-use ones when their last search ends). Idempotent. */
  @Override
  public void close() {
    gate.close(Duration.ofSeconds(30), () -> {
      cache.invalidateAll();
      cache.cleanUp();
    });
  }

  boolean isClosed() {
    return gate.isClosed();
  }
}
