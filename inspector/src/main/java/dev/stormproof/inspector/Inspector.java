package dev.stormproof.inspector;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.stormproof.device.Device;
import dev.stormproof.tasks.StormproofThreadFactory;
import dev.stormproof.vision.VisionOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The inspector's web server: {@code com.sun.net.httpserver} bound to 127.0.0.1 only, serving
 * the page from class path resources (no remote asset) and the {@link Api}. Requests run one at
 * a time on one named thread, so the device sees one command at a time; one browser holds the
 * inspector (see {@link Claim}).
 *
 * <pre>{@code
 * try (Inspector inspector = Inspector.start(device, "embedded virtual device",
 *     Path.of("src/test/resources/templates"), Path.of("src/test/resources/screens"),
 *     VisionOptions.defaults(), 0)) {
 *   System.out.println(inspector.uri());
 * }
 * }</pre>
 *
 * <p>Does not own the device: the caller closes it after the inspector.
 */
public final class Inspector implements AutoCloseable {

  private static final String WEB = "/dev/stormproof/inspector/web/";
  private static final Map<String, String> TYPES = Map.of(
      "index.html", "text/html; charset=utf-8", "app.js", "text/javascript; charset=utf-8",
      "app.css", "text/css; charset=utf-8");
  static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; "
      + "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private final Workbench bench;
  private final Claim claim = new Claim();
  private final Api api;
  private final URI uri;

  private Inspector(Workbench bench, String explanation, int port) throws IOException {
    this.bench = bench;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 16);
    StormproofThreadFactory named = new StormproofThreadFactory("stormproof-inspector", bench.ledger());
    // Kept to join them on close: an executor's termination does not wait for its threads to exit.
    this.executor = Executors.newSingleThreadExecutor(body -> {
      Thread t = named.newThread(body);
      threads.add(t);
      return t;
    });
    this.api = new Api(bench, explanation);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    this.uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /**
   * Starts the inspector for {@code device}.
   *
   * @param device the device to show and drive (not closed by the inspector)
   * @param explanation why this device was picked, shown on the page
   * @param templates the template root folder, for example {@code src/test/resources/templates}
   *     (created when missing)
   * @param screens where "Save screen" writes recorded screens for the template lint
   * @param options matching settings (threshold, colour tolerance)
   * @param port the TCP port on 127.0.0.1, 0 for any free one
   * @return the running inspector
   * @throws UncheckedIOException when the port cannot be bound
   */
  public static Inspector start(Device device, String explanation, Path templates, Path screens, VisionOptions options,
      int port) {
    try {
      return new Inspector(new Workbench(device, templates, screens, options), explanation, port);
    } catch (IOException e) {
      throw new UncheckedIOException("could not listen on 127.0.0.1:" + port + " (" + e.getMessage()
          + "): pass another --port, or 0 for any free port", e);
    }
  }

  /**
   * The page's address.
   *
   * @return {@code http://127.0.0.1:PORT/}
   */
  public URI uri() {
    return uri;
  }

  Workbench workbench() {
    return bench;
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String host = ex.getRequestHeaders().getFirst("Host");
      int port = uri.getPort();
      // A page elsewhere that resolves its own name to 127.0.0.1 (DNS rebinding) sends its name here.
      if (!("127.0.0.1:" + port).equals(host) && !("localhost:" + port).equals(host)) {
        send(ex, 421, "text/plain; charset=utf-8", ("Host " + host + " refused: open " + uri).getBytes(StandardCharsets.UTF_8));
        return;
      }
      String path = ex.getRequestURI().getPath();
      String presented = cookie(ex);
      if (path.equals("/")) {
        String token = claim.take(presented, System.nanoTime());
        if (token == null) {
          send(ex, 409, "text/plain; charset=utf-8", ("The inspector is open in another browser window; one user at a time. "
              + "Close it there, wait " + Claim.IDLE_NANOS / 1_000_000_000 + " s, and reload.").getBytes(StandardCharsets.UTF_8));
          return;
        }
        ex.getResponseHeaders().add("Set-Cookie", Claim.COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict");
        send(ex, 200, TYPES.get("index.html"), resource("index.html"));
      } else if (path.startsWith("/api/")) {
        if (!claim.holds(presented, System.nanoTime())) {
          json(ex, 409, Map.of("error", "another browser window holds the inspector, or this one was idle for "
              + Claim.IDLE_NANOS / 1_000_000_000 + " s: reload the page"));
          return;
        }
        api(ex, path.substring(5));
      } else if (TYPES.containsKey(path.substring(1))) {
        send(ex, 200, TYPES.get(path.substring(1)), resource(path.substring(1)));
      } else {
        send(ex, 404, "text/plain; charset=utf-8", ("no page " + path).getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private void api(HttpExchange ex, String route) throws IOException {
    try {
      Api.Reply reply = api.handle(ex.getRequestMethod(), route, Api.params(ex));
      for (Map.Entry<String, String> h : reply.headers().entrySet()) {
        ex.getResponseHeaders().add(h.getKey(), h.getValue());
      }
      send(ex, 200, reply.type(), reply.body());
    } catch (InspectorException e) {
      json(ex, e.status, Map.of("error", e.getMessage()));
    } catch (IllegalArgumentException e) { // TemplateException too: a bad name or file
      json(ex, 400, Map.of("error", e.getMessage()));
    } catch (RuntimeException e) { // the device went away, a file could not be written: say so on the page
      json(ex, 500, Map.of("error", e.toString()));
    }
  }

  private static String cookie(HttpExchange ex) {
    for (String header : ex.getRequestHeaders().getOrDefault("Cookie", List.of())) {
      for (String part : header.split(";")) {
        String p = part.trim();
        if (p.startsWith(Claim.COOKIE + "=")) {
          return p.substring(Claim.COOKIE.length() + 1);
        }
      }
    }
    return null;
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = Inspector.class.getResourceAsStream(WEB + name)) {
      if (in == null) {
        throw new IOException("resource " + WEB + name + " is missing from the inspector jar");
      }
      return in.readAllBytes();
    }
  }

  private static void json(HttpExchange ex, int status, Object value) throws IOException {
    send(ex, status, "application/json; charset=utf-8", Json.write(value).getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("Content-Security-Policy", CSP);
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /**
   * Stops serving, lets the request in flight finish (30 s at most, then interrupts it), and joins
   * the request thread. Idempotent.
   */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
      }
      for (Thread t : threads) {
        t.join(TimeUnit.SECONDS.toMillis(5));
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
