package dev.stormproof.samples.report;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** Serves a report directory on 127.0.0.1 (browsers block the report's data loads from file://). */
final class LoopbackServer implements AutoCloseable {

  private final HttpServer server;

  private LoopbackServer(HttpServer server) {
    this.server = server;
  }

  static LoopbackServer serve(Path root) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    Path base = root.toAbsolutePath().normalize();
    server.createContext("/", exchange -> {
      String path = URI.create(exchange.getRequestURI().getPath()).getPath();
      Path file = base.resolve(path.substring(1).isEmpty() ? "index.html" : path.substring(1)).normalize();
      if (!file.startsWith(base) || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
        return;
      }
      byte[] body = Files.readAllBytes(file);
      exchange.getResponseHeaders().add("Content-Type", type(file.getFileName().toString()));
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    return new LoopbackServer(server);
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  private static String type(String name) {
    if (name.endsWith(".html")) return "text/html; charset=utf-8";
    if (name.endsWith(".js")) return "application/javascript";
    if (name.endsWith(".css")) return "text/css";
    if (name.endsWith(".json")) return "application/json";
    if (name.endsWith(".png")) return "image/png";
    if (name.endsWith(".jpg")) return "image/jpeg";
    if (name.endsWith(".svg")) return "image/svg+xml";
    if (name.endsWith(".webm")) return "video/webm";
    if (name.endsWith(".txt") || name.endsWith(".csv")) return "text/plain; charset=utf-8";
    return "application/octet-stream";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
