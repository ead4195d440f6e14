package dev.stormproof.allure;

import io.qameta.allure.util.PropertiesUtils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The run-level files of an Allure results directory: {@code categories.json} (how failures
 * are grouped: visual expectation, resource leak, device fault, timeout),
 * {@code environment.properties} (Java, OS, devices seen) and {@code executor.json} (local run or
 * CI build).
 *
 * <p>Each file is written to a temporary name and moved into place, so a crash mid-write never
 * leaves a half-written file for the report generator.
 *
 * <p>Internal: public for {@code dev.stormproof.junit.allure}; not part of the API.
 */
public final class AllureEnvironment {

  private static final Logger LOG = Logger.getLogger(AllureEnvironment.class.getName());

  private final Path resultsDir;
  private final Map<String, String> env;

  AllureEnvironment(Path resultsDir, Map<String, String> env) {
    this.resultsDir = resultsDir;
    this.env = env;
  }

  /** @return the files of the results directory configured for Allure ({@code allure.results.directory}) */
  public static AllureEnvironment fromSystem() {
    String dir = PropertiesUtils.loadAllureProperties()
        .getProperty("allure.results.directory", "allure-results");
    return new AllureEnvironment(Paths.get(dir), System.getenv());
  }

  /** Writes the three files; logs and returns normally on I/O problems. */
  public void writeRunFiles() {
    try {
      Files.createDirectories(resultsDir);
      try (InputStream categories = AllureEnvironment.class.getResourceAsStream("categories.json")) {
        if (categories == null) {
          throw new IllegalStateException("categories.json is missing from stormproof-allure");
        }
        writeAtomically("categories.json", categories.readAllBytes());
      }
      writeAtomically("environment.properties", environment().getBytes(StandardCharsets.UTF_8));
      writeAtomically("executor.json", executor().getBytes(StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "could not write Allure run files into " + resultsDir.toAbsolutePath(), e);
    }
  }

  String environment() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("stormproof.version", dev.stormproof.report.Version.stormproof());
    values.put("java.version", System.getProperty("java.version"));
    values.put("java.vendor", System.getProperty("java.vendor"));
    values.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    values.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
    values.putAll(AllureReportSink.environmentSeen());
    StringBuilder out = new StringBuilder();
    values.forEach((k, v) -> out.append(escape(k)).append('=').append(escape(v)).append('\n'));
    return out.toString();
  }

  String executor() {
    String name;
    String type;
    String buildUrl = "";
    String buildName = "";
    String buildOrder = "";
    if ("true".equals(env.get("GITHUB_ACTIONS"))) {
      name = "GitHub Actions";
      type = "github";
      buildUrl = env.getOrDefault("GITHUB_SERVER_URL", "") + "/" + env.getOrDefault("GITHUB_REPOSITORY", "")
          + "/actions/runs/" + env.getOrDefault("GITHUB_RUN_ID", "");
      buildName = env.getOrDefault("GITHUB_WORKFLOW", "") + " #" + env.getOrDefault("GITHUB_RUN_NUMBER", "");
      buildOrder = env.getOrDefault("GITHUB_RUN_NUMBER", "").replaceAll("\\D", "");
    } else if ("true".equals(env.get("CI"))) {
      name = "CI";
      type = "ci";
    } else {
      name = "Local run";
      type = "local";
    }
    return "{\"name\":" + json(name) + ",\"type\":" + json(type) + ",\"buildName\":" + json(buildName)
        + ",\"buildUrl\":" + json(buildUrl) + (buildOrder.isEmpty() ? "" : ",\"buildOrder\":" + buildOrder)
        + ",\"reportName\":\"Stormproof\"}\n";
  }

  private void writeAtomically(String name, byte[] content) throws IOException {
    Path tmp = Files.createTempFile(resultsDir, name, ".tmp");
    try {
      Files.write(tmp, content);
      Files.move(tmp, resultsDir.resolve(name), StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static String escape(String s) {
    return s == null ? "" : s.replace("\\", "\\\\").replace("\n", "\\n").replace("=", "\\=").replace(":", "\\:");
  }

  static String json(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
