package dev.stormproof.inspector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormproof.device.DeviceSelection;
import dev.stormproof.vision.VisionOptions;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server without a browser: one user, loopback names only, messages for bad input, clean close. */
class InspectorServerTest {

  @TempDir Path dir;
  private DeviceSelection selection;
  private Inspector inspector;
  private final HttpClient user = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  @BeforeEach
  void start() throws Exception {
    Map<String, String> config = Map.of("stormproof.device", "virtual");
    selection = DeviceSelection.open(k -> Optional.ofNullable(config.get(k)), k -> null, getClass().getClassLoader());
    inspector = Inspector.start(selection.devices().get(0), selection.explanation(), dir.resolve("templates"),
        dir.resolve("screens"), VisionOptions.defaults(), 0);
    assertThat(get(user, "").statusCode()).isEqualTo(200);
  }

  @AfterEach
  void stop() {
    inspector.close();
    selection.close();
  }

  private HttpResponse<String> get(HttpClient client, String path) throws Exception {
    return client.send(HttpRequest.newBuilder(inspector.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String form) throws Exception {
    return user.send(HttpRequest.newBuilder(inspector.uri().resolve(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private long shot() throws Exception {
    HttpResponse<byte[]> r = user.send(HttpRequest.newBuilder(inspector.uri().resolve("api/screen")).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    return Long.parseLong(r.headers().firstValue("X-Shot").orElseThrow());
  }

  private static String error(String message) {
    return Json.write(Map.of("error", message));
  }

  @Test
  void servesOneUserOnLoopbackNamesOnlyWithAStrictContentPolicy() throws Exception {
    assertThat(inspector.uri().getHost()).isEqualTo("127.0.0.1");
    HttpResponse<String> page = get(user, "");
    assertThat(page.headers().firstValue("Content-Security-Policy")).contains(Inspector.CSP);
    assertThat(page.body()).contains("<script src=\"/app.js\" defer></script>").doesNotContain("http");
    HttpClient other = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpResponse<String> refused = get(other, "");
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).isEqualTo("The inspector is open in another browser window; one user at a time. "
        + "Close it there, wait 20 s, and reload.");
    HttpResponse<String> api = get(other, "api/device");
    assertThat(api.statusCode()).isEqualTo(409);
    assertThat(api.body()).isEqualTo(error("another browser window holds the inspector, or this one was idle for 20 s: "
        + "reload the page"));
    String foreign = "evil.example:" + inspector.uri().getPort();
    String reply = rawGet(foreign);
    assertThat(reply).startsWith("HTTP/1.1 421 ").endsWith("\r\n\r\nHost " + foreign + " refused: open " + inspector.uri());
    assertThat(get(user, "api/device").body()).contains("\"width\":1080", "\"height\":2400");
  }

  /** HttpClient will not send a foreign Host header; a socket will, as a rebinding page's browser would. */
  private String rawGet(String host) throws IOException {
    try (Socket s = new Socket("127.0.0.1", inspector.uri().getPort())) {
      OutputStream out = s.getOutputStream();
      out.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void badInputIsRefusedWithTheValueAndTheFix() throws Exception {
    long shot = shot();
    String box = "&x=360&y=1730&w=360&h=140";
    assertThat(post("api/template", "shot=" + shot + box + "&name=play").body())
        .isEqualTo(error("template name 'play' must end in .png, for example arena/play.png"));
    assertThat(post("api/template", "shot=" + shot + box + "&name=../play.png").body())
        .isEqualTo(error("template path '../play.png' leaves templates/: use a relative path inside it without '..', '.', "
            + "empty segments, '\\', ':' or a leading '/', for example arena/shop.png"));
    assertThat(post("api/template", "shot=" + shot + "&x=1000&y=10&w=200&h=50&name=a.png").body())
        .isEqualTo(error("box 1000,10,200,50 does not fit the 1080x2400 screen: drag inside the image"));
    assertThat(post("api/template", "shot=" + shot + "&x=10&y=10&w=5&h=50&name=a.png").body())
        .isEqualTo(error("box 10,10,5,50 is smaller than 8x8 px: drag a larger box (ideally 48-200 px a side)"));
    assertThat(post("api/template", "shot=" + shot + "&x=ten&y=10&w=5&h=50&name=a.png").body())
        .isEqualTo(error("parameter x 'ten' is not a whole number: reload the page"));
    assertThat(post("api/template", "shot=" + shot + box).body())
        .isEqualTo(error("parameter name is missing: fill in the name field"));
    assertThat(post("api/template", "shot=999" + box + "&name=a.png").body())
        .isEqualTo(error("screen 999 is no longer kept (the inspector keeps the last 8): drag again on the current screen"));
    HttpResponse<String> saved = post("api/template", "shot=" + shot + box + "&name=ui/play.png");
    assertThat(saved.statusCode()).isEqualTo(200);
    Path file = dir.resolve("templates/ui/play.png").toAbsolutePath();
    assertThat(post("api/template", "shot=" + shot + box + "&name=ui/play.png").body())
        .isEqualTo(error("template ui/play.png already exists (" + file + "): tick Overwrite to replace it, "
            + "or choose another name"));
    assertThat(post("api/template", "shot=" + shot + box + "&name=ui/play.png&overwrite=true").statusCode()).isEqualTo(200);
    assertThat(post("api/tap", "shot=" + shot + "&x=1080&y=5").body())
        .isEqualTo(error("point (1080, 5) is outside the 1080x2400 screen: tap inside the image"));
    assertThat(post("api/screen/save", "shot=" + shot + "&name=../x").body())
        .isEqualTo(error("screen name '../x' must be letters, digits, '_' or '-' (at most 64), for example shop_scrolled"));
    assertThat(get(user, "api/nothing").body()).isEqualTo(error("no call GET /api/nothing"));
    assertThat(get(user, "api/tap").body()).isEqualTo(error("GET /api/tap is not supported: it changes things, so send POST"));
    assertThat(post("api/nothing", "").body()).isEqualTo(error("no call POST /api/nothing"));
  }

  @Test
  void savesRecordedScreensAndRecordsSwipesAsJava() throws Exception {
    long shot = shot();
    assertThat(post("api/screen/save", "shot=" + shot + "&name=launcher").statusCode()).isEqualTo(200);
    BufferedImage screen = ImageIO.read(dir.resolve("screens/launcher.png").toFile());
    assertThat(screen.getWidth()).isEqualTo(1080);
    assertThat(screen.getHeight()).isEqualTo(2400);
    assertThat(post("api/swipe", "x1=540&y1=1800&x2=540&y2=600&ms=300").body())
        .isEqualTo(Json.write(Map.of("line", "device.swipe(new Point(540, 1800), new Point(540, 600), Duration.ofMillis(300));")));
    assertThat(post("api/tap", "shot=" + shot + "&x=20&y=20").body())
        .isEqualTo(Json.write(Map.of("line", "device.tap(new Point(20, 20));")));
    assertThat(get(user, "api/script").body()).isEqualTo(Json.write(Map.of("lines", java.util.List.of(
        "device.swipe(new Point(540, 1800), new Point(540, 600), Duration.ofMillis(300));", "device.tap(new Point(20, 20));"))));
    assertThat(get(user, "api/matches?shot=" + shot).statusCode()).isEqualTo(200);
    // Every request's frames and templates were freed when it ended.
    assertThat(inspector.workbench().ledger().live("inspector")).isEmpty();
    assertThat(inspector.workbench().ledger().live("inspector/templates")).isEmpty();
  }

  @Test
  void readsTheTextInABoxAsTestsReadIt() throws Exception {
    var device = selection.devices().get(0);
    device.startApp(dev.stormproof.device.virtual.arena.Arena.COMPONENT);
    String[] play = new String[1];
    org.awaitility.Awaitility.await("Arena's title with PLAY").atMost(java.time.Duration.ofSeconds(10))
        .until(() -> (play[0] = element(dev.stormproof.device.virtual.arena.Arena.state(device).getOrDefault("elements", ""), "play")) != null);
    // "WxH@x,y", as Arena's ground truth prints it.
    String[] wh = play[0].substring(0, play[0].indexOf('@')).split("x");
    String[] xy = play[0].substring(play[0].indexOf('@') + 1).split(",");
    String box = "x=" + xy[0] + "&y=" + xy[1] + "&w=" + wh[0] + "&h=" + wh[1];
    HttpResponse<String> r = get(user, "api/text?shot=" + shot() + "&" + box);
    assertThat(r.statusCode()).isEqualTo(200);
    Map<String, Object> expected = new java.util.LinkedHashMap<>();
    expected.put("text", "PLAY");
    expected.put("java", "vision.text().read(new Region(" + xy[0] + ", " + xy[1] + ", " + wh[0] + ", " + wh[1] + "))");
    assertThat(r.body()).isEqualTo(Json.write(expected));
    assertThat(inspector.workbench().ledger().live("inspector")).isEmpty();
  }

  private static String element(String elements, String name) {
    for (String e : elements.split("; ")) {
      if (e.startsWith(name + " ")) {
        return e.substring(name.length() + 1);
      }
    }
    return null;
  }

  @Test
  void closeStopsListeningAndJoinsTheRequestThread() throws Exception {
    int port = inspector.uri().getPort();
    assertThat(Thread.getAllStackTraces().keySet().stream().map(Thread::getName))
        .contains("HTTP-Dispatcher").anyMatch(n -> n.startsWith("stormproof-inspector-"));
    inspector.close();
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("stormproof-inspector")
        || t.getName().equals("HTTP-Dispatcher"));
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(java.net.ConnectException.class);
    inspector.close(); // idempotent
    assertThat(Files.isDirectory(dir.resolve("templates"))).isTrue();
  }
}
