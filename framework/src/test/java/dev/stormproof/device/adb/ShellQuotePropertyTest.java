package dev.stormproof.device.adb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Property: for any string without NUL, a POSIX shell reading {@code printf '%s' QUOTED} prints
 * the string back unchanged. 600 values with a fixed seed over control characters, shell
 * metacharacters, Latin, CJK and astral code points, checked in one {@code /bin/sh} run; the
 * script goes through stdin as UTF-8 bytes so the JVM's argument encoding plays no part.
 */
class ShellQuotePropertyTest {

  @Test
  void any_value_without_nul_round_trips_through_a_posix_shell() throws Exception {
    Random random = new Random(0x5EED_0201L);
    String meta = " '\"\\$`;|&()<>*?~#!%{}[]=-\n\t\r";
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      StringBuilder sb = new StringBuilder();
      for (int n = random.nextInt(16); n > 0; n--) {
        switch (random.nextInt(5)) {
          case 0 -> sb.append(meta.charAt(random.nextInt(meta.length())));
          case 1 -> sb.append((char) (1 + random.nextInt(31))); // control characters, never NUL
          case 2 -> sb.append((char) ('a' + random.nextInt(26)));
          case 3 -> sb.appendCodePoint(0xA0 + random.nextInt(0xD7FF - 0xA0)); // BMP below the surrogates
          default -> sb.appendCodePoint(0x1F300 + random.nextInt(0x300)); // astral (emoji)
        }
      }
      values.add(sb.toString());
    }
    StringBuilder script = new StringBuilder();
    for (String v : values) {
      // Each value, then NUL: the one character no value can contain.
      script.append("printf '%s\\000' ").append(ShellQuote.quote(v)).append('\n');
    }
    Process sh = new ProcessBuilder("/bin/sh", "-s").redirectErrorStream(true).start();
    try (OutputStream in = sh.getOutputStream()) {
      in.write(script.toString().getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(sh.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(sh.exitValue()).isZero();
    String[] echoed = out.split("\0", -1);
    assertThat(echoed).hasSize(values.size() + 1);
    for (int i = 0; i < values.size(); i++) {
      assertThat(echoed[i]).as("value %d %s", i, values.get(i)).isEqualTo(values.get(i));
    }
  }
}
