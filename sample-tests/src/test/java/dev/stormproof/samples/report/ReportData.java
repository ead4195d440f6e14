package dev.stormproof.samples.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.json.Json;

/** What a generated Allure report says about itself, read from its data files. */
final class ReportData {

  /** A category (failure kind): its name, how many message groups it has, and its first test. */
  record Kind(String name, int groups, String firstTest) {}

  /** A test case: its failed step (or null), that step's status, and the image attachments to open. */
  record Case(String uid, String name, String failedStep, String failedStatus, List<String> images) {}

  private ReportData() {}

  @SuppressWarnings("unchecked")
  static List<Kind> kinds(Path report) throws IOException {
    Map<String, Object> root = read(report.resolve("data/categories.json"));
    List<Kind> kinds = new ArrayList<>();
    for (Map<String, Object> category : (List<Map<String, Object>>) root.getOrDefault("children", List.of())) {
      List<Map<String, Object>> groups = (List<Map<String, Object>>) category.get("children");
      Map<String, Object> first = ((List<Map<String, Object>>) groups.get(0).get("children")).get(0);
      kinds.add(new Kind(String.valueOf(category.get("name")), groups.size(), String.valueOf(first.get("uid"))));
    }
    return kinds;
  }

  @SuppressWarnings("unchecked")
  static Case testCase(Path report, String uid) throws IOException {
    Map<String, Object> test = read(report.resolve("data/test-cases/" + uid + ".json"));
    Map<String, Object> stage = (Map<String, Object>) test.getOrDefault("testStage", Map.of());
    Map<String, Object> failed = failedStep((List<Map<String, Object>>) stage.getOrDefault("steps", List.of()));
    List<String> images = new ArrayList<>();
    if (failed != null) {
      images.addAll(images((List<Map<String, Object>>) failed.getOrDefault("attachments", List.of())));
    }
    images.addAll(images((List<Map<String, Object>>) stage.getOrDefault("attachments", List.of())));
    return new Case(uid, String.valueOf(test.get("name")), failed == null ? null : String.valueOf(failed.get("name")),
        failed == null ? null : String.valueOf(failed.get("status")), images);
  }

  /** The deepest failed or broken step on the path of failures (what the test failed in). */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> failedStep(List<Map<String, Object>> steps) {
    for (Map<String, Object> step : steps) {
      Object status = step.get("status");
      if ("failed".equals(status) || "broken".equals(status)) {
        Map<String, Object> deeper = failedStep((List<Map<String, Object>>) step.getOrDefault("steps", List.of()));
        return deeper != null ? deeper : step;
      }
    }
    return null;
  }

  private static List<String> images(List<Map<String, Object>> attachments) {
    return attachments.stream().filter(a -> String.valueOf(a.get("type")).startsWith("image/"))
        .map(a -> String.valueOf(a.get("name"))).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> read(Path file) throws IOException {
    return (Map<String, Object>) new Json().toType(Files.readString(file), Map.class);
  }
}
