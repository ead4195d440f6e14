package dev.stormproof.device.adb;

import dev.stormproof.device.DeviceProtocolException;
import dev.stormproof.device.ShellResult;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Runs one shell command on a transport: shell v2 where adbd offers it, else the legacy shell with an exit marker. */
final class AdbShell {

  private static final String EXIT_MARKER = "__stormproof_exit=";

  private AdbShell() {}

  static ShellResult run(AdbTransport t, String command) throws IOException {
    if (t.supports("shell_v2")) {
      try (AdbTransport.Channel c = t.open("shell,v2,raw:" + command)) {
        ShellV2.Result r = ShellV2.readAll(c.in(), new ByteArrayOutputStream());
        return new ShellResult(r.exitCode(), r.stdout().toString(StandardCharsets.UTF_8), r.stderr().toString(StandardCharsets.UTF_8));
      }
    }
    // Pre-Android-7 devices: no exit packet, so the exit code travels as a trailing marker line
    // and its absence means the stream was cut.
    try (AdbTransport.Channel c = t.open("shell:" + command + " ; echo " + EXIT_MARKER + "$?")) {
      String all = new String(readAll(c.in()), StandardCharsets.UTF_8).replace("\r\n", "\n");
      int at = all.lastIndexOf(EXIT_MARKER);
      if (at < 0) {
        throw new EOFException("shell stream ended before the exit marker (" + all.length() + " chars of output)");
      }
      String value = all.substring(at + EXIT_MARKER.length()).trim();
      if (!value.matches("\\d{1,3}")) {
        throw new DeviceProtocolException("the legacy shell answered exit marker '" + value + "' instead of a number: "
            + "the device shell did not expand $?; this device needs shell_v2");
      }
      return new ShellResult(Integer.parseInt(value), all.substring(0, at), "");
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    return in.readAllBytes();
  }

}
