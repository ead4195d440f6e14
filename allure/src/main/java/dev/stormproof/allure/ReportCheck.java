package dev.stormproof.allure;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks that a generated Allure HTML report really renders in a browser: serves it on
 * loopback, loads it in headless Chromium, and requires (1) the overview to show the number of
 * test cases recorded in {@code widgets/summary.json}, and (2) a test case page to list a screenshot
 * attachment (PNG or JPEG) that the server delivers as a valid image. Also saves a screenshot of the overview
 * next to the report ({@code overview.png}) for humans.
 *
 * <p>Usage: {@code ReportCheck <report-dir> [--check [chromium-binary]]}: prints where the report
 * is; with {@code --check} also verifies it and throws, saying what is missing, when it does not
 * render (so {@code exec:java} fails the build).
 *
 * <p>Internal: public for the build (the sample tests' report profile runs it); not part of the API.
 */
public final class ReportCheck {

  private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
  private static final Pattern PNG_ATTACHMENT = Pattern.compile(
      "\"name\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"source\"\\s*:\\s*\"([^\"]+\\.(?:png|jpg))\"");
  private static final Pattern UID = Pattern.compile("^\\s*\\{\\s*\"uid\"\\s*:\\s*\"([^\"]+)\"");

  private final Path report;
  private final String chromium;

  ReportCheck(Path report, String chromium) {
    this.report = report;
    this.chromium = chromium;
  }

  /**
   * Prints where the report is and, with {@code --check}, verifies it.
   *
   * @param args {@code <report-dir> [--check [chromium-binary]]}
   * @throws Exception when the report does not render, naming what is missing
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: ReportCheck <report-dir> [--check [chromium-binary]]");
    }
    Path report = Paths.get(args[0]).toAbsolutePath();
    System.out.println("Allure report: " + report.resolve("index.html"));
    System.out.println("  view it over HTTP (browsers block file:// data loads), for example:");
    System.out.println("  python3 -m http.server --bind 127.0.0.1 --directory " + report + " 8123");
    if (args.length < 2 || !args[1].equals("--check")) {
      return;
    }
    List<String> problems = new ReportCheck(report, args.length > 2 ? args[2] : findBrowser()).run();
    if (!problems.isEmpty()) {
      throw new IllegalStateException("the Allure report does not render:\n  " + String.join("\n  ", problems));
    }
    System.out.println("Report check: the overview shows the test count and a screenshot attachment is served.");
  }

  /**
   * The first Chromium-family browser on the PATH: Debian's {@code chromium}, Ubuntu's
   * {@code chromium-browser}, or Google Chrome (preinstalled on GitHub's runners).
   */
  static String findBrowser() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        if (!dir.isEmpty() && Files.isExecutable(Paths.get(dir, name))) {
          return Paths.get(dir, name).toString();
        }
      }
    }
    throw new IllegalStateException("no Chromium-family browser on the PATH (chromium, chromium-browser, google-chrome); "
        + "install one, e.g. 'apt-get install -y chromium', or pass its path after --check");
  }

  /** Runs the check; returns the problems found (empty: the report renders). */
  List<String> run() throws IOException, InterruptedException {
    List<String> problems = new ArrayList<>();
    Path summary = report.resolve("widgets/summary.json");
    if (!Files.isRegularFile(summary)) {
      problems.add(report.toAbsolutePath() + " is not an Allure report (no widgets/summary.json); generate it with 'mvn -Preport verify'");
      return problems;
    }
    Matcher total = TOTAL.matcher(Files.readString(summary));
    if (!total.find()) {
      problems.add("widgets/summary.json has no total");
      return problems;
    }
    String expected = total.group(1);
    HttpServer server = serve(report);
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
      String overview = dumpDom(base + "index.html", report.resolve("overview.png"));
      // The summary widget renders "<div class="splash__title">N</div> ... test case(s)".
      if (!Pattern.compile("splash__title\">\\s*" + expected + "\\s*</div>\\s*<div class=\"splash__subtitle\">\\s*test case")
          .matcher(overview).find()) {
        problems.add("the overview page does not show '" + expected + " test cases' (rendered " + overview.length() + " chars)");
      }
      String[] attachment = findPngAttachment();
      if (attachment == null) {
        problems.add("no test case has a screenshot attachment (PNG or JPEG)");
      } else {
        String page = dumpDom(base + "index.html#testresult/" + attachment[0], null);
        if (!page.contains("attachment-row__name") || !page.contains("data/attachments/" + attachment[2])) {
          problems.add("test case " + attachment[0] + " page does not list its attachment '" + attachment[1] + "'");
        }
        byte[] png = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(base + "data/attachments/" + attachment[2])).build(),
            HttpResponse.BodyHandlers.ofByteArray()).body();
        boolean isPng = png.length > 8 && (png[0] & 0xff) == 0x89 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G';
        boolean isJpeg = png.length > 3 && (png[0] & 0xff) == 0xff && (png[1] & 0xff) == 0xd8 && (png[2] & 0xff) == 0xff;
        if (!isPng && !isJpeg) {
          problems.add("attachment " + attachment[2] + " is not served as a PNG or JPEG image");
        }
      }
    } finally {
      server.stop(0);
    }
    return problems;
  }

  /** {uid, attachment name, source file} of the first test case with a PNG attachment. */
  private String[] findPngAttachment() throws IOException {
    Path cases = report.resolve("data/test-cases");
    if (!Files.isDirectory(cases)) {
      return null;
    }
    try (Stream<Path> files = Files.list(cases)) {
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        String json = Files.readString(file);
        Matcher png = PNG_ATTACHMENT.matcher(json);
        Matcher uid = UID.matcher(json);
        if (png.find() && uid.find()) {
          return new String[] {uid.group(1), png.group(1), png.group(2)};
        }
      }
    }
    return null;
  }

  private String dumpDom(String url, Path screenshot) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("stormproof-chromium");
    Path dom = Files.createTempFile("stormproof-dom", ".html");
    try {
      List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
          "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
          "--disable-sync", "--user-data-dir=" + profile, "--window-size=1400,1000",
          "--virtual-time-budget=15000"));
      command.add(screenshot == null ? "--dump-dom" : "--screenshot=" + screenshot.toAbsolutePath());
      command.add(url);
      // Output to a file, not a pipe: a hung browser must not block us past the timeout.
      Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
          .redirectOutput(dom.toFile()).start();
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new IOException("chromium did not finish loading " + url + " within 90 s");
      }
      if (screenshot != null) {
        // A screenshot run prints no DOM: load once more for the text.
        return dumpDom(url, null);
      }
      return Files.readString(dom, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(dom);
      deleteTree(profile);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : (Iterable<Path>) all.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static HttpServer serve(Path root) throws IOException {
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
      exchange.getResponseHeaders().add("Content-Type", contentType(file));
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    return server;
  }

  private static String contentType(Path file) {
    String name = file.getFileName().toString();
    if (name.endsWith(".html")) return "text/html; charset=utf-8";
    if (name.endsWith(".js")) return "application/javascript";
    if (name.endsWith(".css")) return "text/css";
    if (name.endsWith(".json")) return "application/json";
    if (name.endsWith(".png")) return "image/png";
    if (name.endsWith(".svg")) return "image/svg+xml";
    return "application/octet-stream";
  }

}
