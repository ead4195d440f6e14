package dev.stormproof.device.virtual;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** What a command sees of its stream: stdout, stderr and stdin. */
interface ShellIo {

  void out(byte[] data, int offset, int length) throws IOException;

  default void out(String text) throws IOException {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    out(b, 0, b.length);
  }

  void err(String text) throws IOException;

  /** The next chunk of stdin (possibly empty), or null at end of input. */
  byte[] readInput() throws IOException;
}
