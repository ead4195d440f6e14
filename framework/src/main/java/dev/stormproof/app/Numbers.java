package dev.stormproof.app;

import dev.stormproof.device.DeviceProtocolException;

/** Number parsing shared by the parsers, with protocol errors that say which output was bad. */
final class Numbers {
  private Numbers() {}

  static int pid(String digits, String source) {
    try {
      int pid = Integer.parseInt(digits.strip());
      if (pid > 0) {
        return pid;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new DeviceProtocolException(source + " printed '" + digits.strip() + "' where a pid "
        + "(a positive whole number) belongs");
  }

  static long count(String digits, String source, String what) {
    try {
      long v = Long.parseLong(digits.strip());
      if (v >= 0 && v < (1L << 40)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new DeviceProtocolException(source + " printed '" + digits.strip() + "' as " + what
        + "; expected a whole number of 0 or more");
  }
}
