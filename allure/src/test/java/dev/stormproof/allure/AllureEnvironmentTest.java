package dev.stormproof.allure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllureEnvironmentTest {

  @TempDir Path results;

  @Test
  void writesCategoriesEnvironmentAndExecutorWithNoTemporaryLeftovers() throws Exception {
    new AllureEnvironment(results.resolve("nested"), Map.of()).writeRunFiles();

    Path dir = results.resolve("nested");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("categories.json", "environment.properties", "executor.json");
    }
    assertThat(Files.readString(dir.resolve("categories.json")))
        .contains("\"Visual expectation failed\"", "\"Resource leak\"", "\"Device fault\"", "\"Device timeout\"");
    assertThat(Files.readString(dir.resolve("environment.properties")))
        .contains("java.version=" + System.getProperty("java.version"));
    assertThat(Files.readString(dir.resolve("executor.json")))
        .isEqualTo("{\"name\":\"Local run\",\"type\":\"local\",\"buildName\":\"\",\"buildUrl\":\"\",\"reportName\":\"Stormproof\"}\n");
  }

  @Test
  void executorLinksTheGitHubRun() {
    String executor = new AllureEnvironment(results, Map.of(
        "GITHUB_ACTIONS", "true", "GITHUB_SERVER_URL", "https://github.com", "GITHUB_REPOSITORY", "acme/game",
        "GITHUB_RUN_ID", "42", "GITHUB_WORKFLOW", "ci", "GITHUB_RUN_NUMBER", "7")).executor();

    assertThat(executor).isEqualTo("{\"name\":\"GitHub Actions\",\"type\":\"github\",\"buildName\":\"ci #7\","
        + "\"buildUrl\":\"https://github.com/acme/game/actions/runs/42\",\"buildOrder\":7,\"reportName\":\"Stormproof\"}\n");
  }

  @Test
  void jsonEscapesQuotesBackslashesAndControlCharacters() {
    assertThat(AllureEnvironment.json("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
  }

  @Test
  void unwritableResultsDirectoryIsLoggedNotThrown() throws Exception {
    Path file = Files.writeString(results.resolve("not-a-dir"), "x");
    new AllureEnvironment(file, Map.of()).writeRunFiles();
    assertThat(Files.readString(file)).isEqualTo("x");
  }
}
