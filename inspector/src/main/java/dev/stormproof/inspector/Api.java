package dev.stormproof.inspector;

import com.sun.net.httpserver.HttpExchange;
import dev.stormproof.device.Point;
import dev.stormproof.vision.Region;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The page's calls: parameters in, JSON or PNG out; messages name the value and the fix. */
final class Api {

  record Reply(String type, byte[] body, Map<String, String> headers) {
    static Reply json(Object value) {
      return new Reply("application/json; charset=utf-8", Json.write(value).getBytes(StandardCharsets.UTF_8), Map.of());
    }
  }

  private static final java.util.Set<String> POSTS = java.util.Set.of("template", "tap", "swipe", "script/clear",
      "screen/save");

  private final Workbench bench;
  private final String explanation;

  Api(Workbench bench, String explanation) {
    this.bench = bench;
    this.explanation = explanation;
  }

  Reply handle(String method, String route, Map<String, String> p) {
    boolean post = method.equals("POST");
    if (!post && !method.equals("GET")) {
      throw new InspectorException(405, method + " is not supported: use GET or POST");
    }
    switch (route) {
      case "device":
        return Reply.json(bench.describe(explanation));
      case "screen": {
        long shot = bench.capture();
        var size = bench.device().screenSize();
        // JPEG for the live view: several times faster to encode than PNG. Cuts and saved screens
        // use the exact pixels kept in Shots, never this image.
        return new Reply("image/jpeg", bench.jpeg(shot), Map.of("X-Shot", Long.toString(shot),
            "X-Screen-Size", size.width() + "x" + size.height()));
      }
      case "matches":
        return Reply.json(bench.matchAll(number(p, "shot")));
      case "weigh":
        return Reply.json(bench.weigh(number(p, "shot"), text(p, "name")));
      case "heatmap":
        return new Reply("image/png", bench.heatmap(number(p, "shot"), text(p, "name")), Map.of());
      case "script":
        return Reply.json(Map.of("lines", bench.recorder.lines()));
      case "text":
        return Reply.json(bench.readText(number(p, "shot"),
            new Region((int) number(p, "x"), (int) number(p, "y"), (int) number(p, "w"), (int) number(p, "h"))));
      default:
        break;
    }
    if (!post) {
      throw POSTS.contains(route)
          ? new InspectorException(405, "GET /api/" + route + " is not supported: it changes things, so send POST")
          : new InspectorException(404, "no call GET /api/" + route);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    switch (route) {
      case "template" -> {
        Region box = new Region((int) number(p, "x"), (int) number(p, "y"), (int) number(p, "w"), (int) number(p, "h"));
        return Reply.json(bench.saveTemplate(number(p, "shot"), box, text(p, "name"), "true".equals(p.get("overwrite"))));
      }
      case "tap" -> out.put("line", bench.tap(number(p, "shot"), new Point((int) number(p, "x"), (int) number(p, "y"))));
      case "swipe" -> out.put("line", bench.swipe(new Point((int) number(p, "x1"), (int) number(p, "y1")),
          new Point((int) number(p, "x2"), (int) number(p, "y2")), Duration.ofMillis(Math.max(50, number(p, "ms")))));
      case "script/clear" -> bench.recorder.clear();
      case "screen/save" -> out.put("file", bench.saveScreen(number(p, "shot"), text(p, "name")).toString());
      default -> throw new InspectorException(404, "no call POST /api/" + route);
    }
    return Reply.json(out);
  }

  private static long number(Map<String, String> p, String key) {
    String v = p.get(key);
    try {
      return Long.parseLong(v == null ? "" : v.trim());
    } catch (NumberFormatException e) {
      throw new InspectorException(400, "parameter " + key + " '" + v + "' is not a whole number: reload the page");
    }
  }

  private static String text(Map<String, String> p, String key) {
    String v = p.get(key);
    if (v == null || v.isBlank()) {
      throw new InspectorException(400, "parameter " + key + " is missing: fill in the " + key + " field");
    }
    return v.trim();
  }

  /** Query and form parameters ({@code application/x-www-form-urlencoded}); the body is capped at 64 KiB. */
  static Map<String, String> params(HttpExchange ex) throws IOException {
    Map<String, String> p = new HashMap<>();
    parse(ex.getRequestURI().getRawQuery(), p);
    byte[] body = ex.getRequestBody().readNBytes(64 * 1024);
    parse(new String(body, StandardCharsets.UTF_8), p);
    return p;
  }

  private static void parse(String s, Map<String, String> into) {
    if (s == null || s.isEmpty()) {
      return;
    }
    for (String pair : s.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        into.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
  }
}
