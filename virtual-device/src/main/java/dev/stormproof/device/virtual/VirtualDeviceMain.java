package dev.stormproof.device.virtual;

import dev.stormproof.device.Size;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link VirtualDevice} until Ctrl-C: {@code --port N} (default: ephemeral),
 * {@code --size WxH} (default {@value VirtualDeviceOptions#DEFAULT_SIZE}), {@code --fast} (no
 * simulated latency), {@code --help}. Prints {@code adb connect 127.0.0.1:PORT}; a shutdown hook
 * closes the device. Exit status 2 on bad arguments.
 */
public final class VirtualDeviceMain {

  static final String USAGE = """
      Usage: VirtualDeviceMain [--port N] [--size WxH] [--fast] [--help]
        --port N    TCP port on 127.0.0.1 (default 0: any free port; 5555-5585 are refused)
        --size WxH  screen size in pixels (default 1080x2400; e.g. 720x1600, 1440x3200, 2400x1080)
        --fast      no simulated latency (phone-like latency by default)
        --help      this text
      """;

  private VirtualDeviceMain() {
  }

  /**
   * Starts the device and blocks until the process is stopped.
   *
   * @param args the options above
   * @throws InterruptedException when the main thread is interrupted while waiting
   */
  public static void main(String[] args) throws InterruptedException {
    VirtualDeviceOptions options;
    try {
      options = parse(args, System.out);
    } catch (IllegalArgumentException e) {
      System.err.println("Error: " + e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    if (options == null) {
      return;
    }
    VirtualDevice device = new VirtualDevice(options).start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      device.close();
      stopped.countDown();
    }, "stormproof-vdev-shutdown"));
    System.out.println("Virtual device " + device.serial() + " (" + options.size() + ", " + device.app().packageName()
        + ") is running. Connect with:");
    System.out.println("adb connect " + device.serial());
    System.out.println("Press Ctrl-C to stop.");
    stopped.await();
  }

  /** The options for {@code args}, or null after printing help. */
  static VirtualDeviceOptions parse(String[] args, PrintStream out) {
    VirtualDeviceOptions options = VirtualDeviceOptions.defaults();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--help", "-h" -> {
          out.print(USAGE);
          return null;
        }
        case "--fast" -> options = options.withLatency(LatencyModel.fast());
        case "--port" -> options = options.withPort(intValue(a, value(args, ++i, a)));
        case "--size" -> options = options.withSize(Size.parse(value(args, ++i, a)));
        default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
      }
    }
    return options;
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return args[i];
  }

  private static int intValue(String flag, String v) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " '" + v + "' is not a number");
    }
  }
}
