package dev.stormproof.inspector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InspectorMainTest {

  @Test
  void parsesFoldersAndPort() {
    assertThat(InspectorMain.parse(new String[] {"--templates", "t", "--screens", "s", "--port", "8800"}, System.out))
        .isEqualTo(new InspectorMain.Args(Path.of("t"), Path.of("s"), 8800));
    assertThat(InspectorMain.parse(new String[0], System.out)).isEqualTo(new InspectorMain.Args(
        Path.of("src/test/resources/templates"), Path.of("src/test/resources/screens"), 0));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(InspectorMain.parse(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8))).isNull();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(InspectorMain.USAGE);
  }

  @Test
  void badArgumentsNameTheValueAndTheFix() {
    assertThatThrownBy(() -> InspectorMain.parse(new String[] {"--port", "x"}, System.out))
        .hasMessage("--port 'x' is not a number: give 0-65535, for example 8800");
    assertThatThrownBy(() -> InspectorMain.parse(new String[] {"--port", "70000"}, System.out))
        .hasMessage("--port 70000 is outside 0-65535: give for example 8800, or 0 for any free port");
    assertThatThrownBy(() -> InspectorMain.parse(new String[] {"--templates"}, System.out))
        .hasMessage("--templates needs a value, for example --templates src/test/resources/templates");
    assertThatThrownBy(() -> InspectorMain.parse(new String[] {"--colour"}, System.out))
        .hasMessage("unknown argument '--colour': see --help");
  }
}
