package dev.stormproof.device.adb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ShellQuoteTest {

  static final List<String> HOSTILE = List.of(
      "; rm -rf /", "it's", "'", "''", "\\", "\\'", "a\nb", "$(reboot)", "`id`", "${HOME}", "\"quoted\"",
      "a b  c", " lead", "trail ", "100%s", "%s", "%%s", "%", "s%", "%\ns", "ünïcødé ✓ 漢字 🎮", "tab\there", "*", "&&|>", "-n");

  @Test
  void quote_wraps_in_single_quotes_and_escapes_quotes() {
    assertThat(ShellQuote.quote("abc")).isEqualTo("'abc'");
    assertThat(ShellQuote.quote("it's")).isEqualTo("'it'\\''s'");
    assertThat(ShellQuote.quote("")).isEqualTo("''");
  }

  @Test
  void quote_rejects_nul() {
    assertThatThrownBy(() -> ShellQuote.quote("a\0b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot quote a value with a NUL character (at index 1) for the device shell: shell arguments end at NUL; remove it");
  }

  @Test
  void a_real_posix_shell_sees_hostile_values_verbatim() throws Exception {
    // /bin/sh is the same POSIX quoting the device shell applies.
    Random random = new Random(42);
    List<String> values = new java.util.ArrayList<>(HOSTILE);
    for (int i = 0; i < 40; i++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(12);
      for (int j = 0; j < n; j++) {
        String alphabet = "ab '\"\\$`;|&()<>*?~#!%s\n\t{}[]ü";
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      values.add(sb.toString());
    }
    for (String v : values) {
      Process p = new ProcessBuilder("/bin/sh", "-c", "printf '%s' " + ShellQuote.quote(v)).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(out).as("value %s", v).isEqualTo(v);
    }
  }

  @Test
  void input_text_encodes_spaces_and_splits_literal_percent_s() {
    assertThat(ShellQuote.inputTextChunks("a b")).containsExactly("a%sb");
    assertThat(ShellQuote.inputTextChunks("100%s")).containsExactly("100%", "s");
    assertThat(ShellQuote.inputTextChunks("% s")).containsExactly("%%ss");
    assertThat(ShellQuote.inputTextChunks("%%s")).containsExactly("%%", "s");
    assertThat(ShellQuote.inputText("it's here")).isEqualTo("input text 'it'\\''s%shere'");
    assertThat(ShellQuote.inputText("")).isEqualTo("true");
  }

  @Test
  void input_text_chunks_decode_back_to_the_input() throws IOException {
    for (String v : HOSTILE) {
      StringBuilder typed = new StringBuilder();
      for (String chunk : ShellQuote.inputTextChunks(v)) {
        typed.append(ShellQuote.decodeInputText(chunk));
      }
      assertThat(typed.toString()).as("typed for %s", v).isEqualTo(v);
    }
  }
}
