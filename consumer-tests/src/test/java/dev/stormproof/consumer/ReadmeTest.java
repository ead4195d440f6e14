package dev.stormproof.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README.md cannot drift from code that compiles and runs: every Java block in it is a run of
 * lines of a test file that the build compiles and runs (the consumer projects or the samples),
 * and every XML block is part of the quickstart consumer's pom, which invoker builds as a user's
 * project.
 */
class ReadmeTest {

  private static final Path ROOT = Path.of(System.getProperty("stormproof.root", "..")).toAbsolutePath().normalize();
  private static final Pattern BLOCK = Pattern.compile("```(java|xml)\\n(.*?)```", Pattern.DOTALL);

  @Test
  void every_java_block_is_a_run_of_lines_of_a_compiled_test() throws IOException {
    List<String> blocks = blocks("java");
    assertThat(blocks).as("Java blocks in README.md").isNotEmpty();
    List<String> sources = new ArrayList<>();
    for (Path dir : List.of(ROOT.resolve("consumer-tests/src/it"), ROOT.resolve("sample-tests/src/test/java"))) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.filter(p -> p.toString().endsWith(".java")).forEach(p -> sources.add(normalize(read(p))));
      }
    }
    for (String block : blocks) {
      assertThat(sources).as("a compiled test file containing this README block:%n%s", block).anyMatch(s -> s.contains(block));
    }
  }

  @Test
  void every_xml_block_is_part_of_the_quickstart_pom() throws IOException {
    List<String> blocks = blocks("xml");
    assertThat(blocks).as("XML blocks in README.md").isNotEmpty();
    String version = System.getProperty("stormproof.version", versionOfParent());
    String pom = normalize(read(ROOT.resolve("consumer-tests/src/it/readme-quickstart/pom.xml")).replace("@project.version@", version));
    for (String block : blocks) {
      assertThat(pom).as("the quickstart pom containing this README block").contains(block);
    }
  }

  @Test
  void the_quickstart_templates_are_the_samples_templates() throws IOException {
    Path quick = ROOT.resolve("consumer-tests/src/it/readme-quickstart/src/test/resources/templates");
    Path samples = ROOT.resolve("sample-tests/src/test/resources/templates");
    try (Stream<Path> files = Files.walk(quick)) {
      List<Path> pngs = files.filter(p -> p.toString().endsWith(".png")).toList();
      assertThat(pngs).isNotEmpty();
      for (Path png : pngs) {
        // The samples' templates are re-checked against Arena rendered on this machine; copies must not drift.
        assertThat(Files.readAllBytes(png)).as(quick.relativize(png).toString())
            .isEqualTo(Files.readAllBytes(samples.resolve(quick.relativize(png))));
      }
    }
  }

  private static List<String> blocks(String language) {
    Matcher m = BLOCK.matcher(normalize(read(ROOT.resolve("README.md"))));
    List<String> out = new ArrayList<>();
    while (m.find()) {
      if (m.group(1).equals(language)) {
        out.add(m.group(2));
      }
    }
    return out;
  }

  private static String versionOfParent() {
    Matcher m = Pattern.compile("<artifactId>stormproof-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(read(ROOT.resolve("pom.xml")));
    if (!m.find()) {
      throw new IllegalStateException("no version in " + ROOT.resolve("pom.xml"));
    }
    return m.group(1);
  }

  /** Line ends and trailing blanks do not count; indentation does. */
  private static String normalize(String text) {
    return text.replace("\r\n", "\n").replaceAll("[ \\t]+\\n", "\n");
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
