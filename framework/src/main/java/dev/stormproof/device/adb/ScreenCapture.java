package dev.stormproof.device.adb;

import dev.stormproof.device.DeviceCommandException;
import dev.stormproof.device.Screenshot;
import dev.stormproof.device.Size;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Runs {@code screencap} (raw or {@code -p}) and decodes the validated result. One per device:
 * it keeps the receive buffer between captures (frames are megabytes; fresh buffers page-fault),
 * so captures on one device are serialised.
 */
final class ScreenCapture {

  private final ScratchBuffer scratch = new ScratchBuffer();

  Screenshot capture(String serial, AdbTransport t, boolean png, Size expected, ByteBuffer reuse) throws IOException {
    String command = png ? "screencap -p" : "screencap";
    long at = System.nanoTime();
    synchronized (scratch) {
      ByteArrayOutputStream out = scratch.take();
      if (t.supports("shell_v2")) {
        ShellV2.Result r;
        try (AdbTransport.Channel c = t.open("shell,v2,raw:" + command)) {
          r = ShellV2.readAll(c.in(), out);
        }
        if (r.exitCode() != 0) {
          throw new DeviceCommandException(serial + ": '" + command + "' exited " + r.exitCode() + ": " + r.stderr().toString(StandardCharsets.UTF_8).trim());
        }
      } else {
        try (AdbTransport.Channel c = t.open("exec:" + command)) {
          c.in().transferTo(out);
        }
      }
      byte[] data = scratch.bytes();
      return png ? ScreenDecoder.decodePng(data, out.size(), expected, reuse, at)
          : ScreenDecoder.decodeRaw(data, out.size(), expected, reuse, at);
    }
  }

  /** A growable capture buffer kept between screenshots: frames are megabytes, fresh ones page-fault. */
  static final class ScratchBuffer {
    private final Exposed out = new Exposed();

    ByteArrayOutputStream take() {
      out.reset();
      return out;
    }

    byte[] bytes() {
      return out.buffer();
    }

    private static final class Exposed extends ByteArrayOutputStream {
      Exposed() {
        super(1 << 20);
      }

      byte[] buffer() {
        return buf;
      }
    }
  }
}
