package dev.stormproof.device.adb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormproof.device.DeviceProtocolException;
import dev.stormproof.device.ShellResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Devices without shell_v2 (Android 6 and older): the legacy {@code shell:} service with an exit
 * marker. The virtual device's shell does not expand {@code $?}, so a phone's answers are replayed.
 */
class LegacyShellTest {

  static final class Replay implements AdbTransport {
    final List<String> opened = new ArrayList<>();
    private final String answer;

    Replay(String answer) {
      this.answer = answer;
    }

    @Override
    public Channel open(String service) {
      opened.add(service);
      InputStream in = new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8));
      OutputStream out = new ByteArrayOutputStream();
      return new Channel() {
        @Override public InputStream in() { return in; }
        @Override public OutputStream out() { return out; }
        @Override public void close() { }
      };
    }

    @Override public boolean supports(String feature) { return false; }
    @Override public String describe() { return "replay"; }
    @Override public void close() { }
  }

  @Test
  void the_exit_code_comes_from_the_marker_line_and_pty_line_ends_are_normalised() throws Exception {
    Replay phone = new Replay("Physical size: 720x1280\r\n__stormproof_exit=0\r\n");
    assertThat(AdbShell.run(phone, "wm size")).isEqualTo(new ShellResult(0, "Physical size: 720x1280\n", ""));
    assertThat(phone.opened).containsExactly("shell:wm size ; echo __stormproof_exit=$?");
    assertThat(AdbShell.run(new Replay("sh: nope: not found\r\n__stormproof_exit=127\r\n"), "nope").exitCode()).isEqualTo(127);
  }

  @Test
  void output_cut_before_the_marker_is_a_lost_connection_not_short_output() {
    assertThatThrownBy(() -> AdbShell.run(new Replay("Physical si"), "wm size"))
        .isInstanceOf(EOFException.class)
        .hasMessage("shell stream ended before the exit marker (11 chars of output)");
    assertThatThrownBy(() -> AdbShell.run(new Replay("x\n__stormproof_exit=$?\n"), "x"))
        .isInstanceOf(DeviceProtocolException.class)
        .hasMessage("the legacy shell answered exit marker '$?' instead of a number: the device shell did not expand $?; this device needs shell_v2");
  }
}
