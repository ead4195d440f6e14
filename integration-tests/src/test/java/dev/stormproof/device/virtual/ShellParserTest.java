package dev.stormproof.device.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormproof.device.virtual.ShellParser.Command;
import dev.stormproof.device.virtual.ShellParser.Joint;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShellParserTest {

  private static List<String> words(String line) throws Exception {
    List<Command> commands = ShellParser.parse(line);
    assertThat(commands).hasSize(1);
    return commands.get(0).args();
  }

  @Test
  void quotesAndEscapesFormWords() throws Exception {
    assertThat(words("screencap '-p'")).containsExactly("screencap", "-p");
    assertThat(words("input text 'hello world'")).containsExactly("input", "text", "hello world");
    assertThat(words("echo \"a \\\"b\\\" \\$x \\q\"")).containsExactly("echo", "a \"b\" $x \\q");
    assertThat(words("echo a\\ b c\\'d")).containsExactly("echo", "a b", "c'd");
    assertThat(words("echo '' \"\" x")).containsExactly("echo", "", "", "x");
    assertThat(words("echo 'it'\\''s'")).containsExactly("echo", "it's");
    assertThat(words("  echo\t  spaced\n")).containsExactly("echo", "spaced");
    assertThat(words("echo 'a&&b;c>d'")).containsExactly("echo", "a&&b;c>d");
  }

  @Test
  void operatorsSplitCommands() throws Exception {
    List<Command> c = ShellParser.parse("true && echo a || echo b; false");
    assertThat(c).extracting(Command::joint).containsExactly(Joint.FIRST, Joint.AND, Joint.OR, Joint.SEQ);
    assertThat(c).extracting(Command::args)
        .containsExactly(List.of("true"), List.of("echo", "a"), List.of("echo", "b"), List.of("false"));
    assertThat(ShellParser.parse("echo a&&echo b")).hasSize(2);
    assertThat(ShellParser.parse("echo trailing;")).hasSize(1);
    assertThat(ShellParser.parse("   ")).isEmpty();
  }

  @Test
  void redirectionNamesATarget() throws Exception {
    Command c = ShellParser.parse("cat > /dev/input/event2").get(0);
    assertThat(c.args()).containsExactly("cat");
    assertThat(c.redirect()).isEqualTo("/dev/input/event2");
    assertThat(ShellParser.parse("cat>/dev/null").get(0).redirect()).isEqualTo("/dev/null");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '#', quoteCharacter = '~', value = {
      "echo 'open # syntax error: ''' unmatched",
      "echo \"open # syntax error: '\"' unmatched",
      "&& echo # syntax error: unexpected '&&'",
      "echo a && # syntax error: unexpected end of line",
      "cat > # syntax error: unexpected 'newline'",
      "ls | grep x             # '|' is not supported by the virtual device's shell; use simple commands joined by &&, || or ;",
      "sleep 1 & # '&' is not supported by the virtual device's shell; use simple commands joined by &&, || or ;"})
  void malformedLinesAreSyntaxErrors(String line, String message) {
    assertThatThrownBy(() -> ShellParser.parse(line.trim())).isInstanceOf(ShellParser.SyntaxError.class).hasMessage(message.trim());
  }
}
