package dev.stormproof.inspector;

import dev.stormproof.device.Device;
import dev.stormproof.device.DeviceSelection;
import dev.stormproof.vision.VisionOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the inspector on the first device the framework reaches (a phone behind adb if one is
 * attached, else the embedded virtual device) and serves it until Ctrl-C; a shutdown hook closes
 * the server, then the device. Exit status 2 on bad arguments.
 */
public final class InspectorMain {

  static final String USAGE = """
      Usage: InspectorMain [--templates DIR] [--screens DIR] [--port N] [--help]
        --templates DIR  the template root (default src/test/resources/templates)
        --screens DIR    where Save screen writes screens for the template lint
                         (default src/test/resources/screens)
        --port N         TCP port on 127.0.0.1 (default 0: any free port)
        --help           this text
      Device selection and matching read the usual -Dstormproof.* properties.
      """;

  /** Parsed arguments. */
  record Args(Path templates, Path screens, int port) {}

  private InspectorMain() {}

  /**
   * Runs the inspector until the process is stopped.
   *
   * @param args see {@link #USAGE}
   * @throws InterruptedException when interrupted while serving
   */
  public static void main(String[] args) throws InterruptedException {
    Args a;
    try {
      a = parse(args, System.out);
    } catch (IllegalArgumentException e) {
      System.err.println("Error: " + e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    if (a == null) {
      return;
    }
    DeviceSelection selection = DeviceSelection.open(k -> Optional.ofNullable(System.getProperty(k)), System::getenv,
        InspectorMain.class.getClassLoader());
    Device device = selection.devices().get(0);
    Inspector inspector = Inspector.start(device, selection.explanation(), a.templates(), a.screens(),
        VisionOptions.fromConfig(k -> Optional.ofNullable(System.getProperty(k))), a.port());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      inspector.close();
      selection.close();
      stopped.countDown();
    }, "stormproof-inspector-shutdown"));
    System.out.println(selection.explanation());
    System.out.println("Inspector for " + device.serial() + " (" + device.screenSize() + "), templates in "
        + a.templates().toAbsolutePath() + ". Open:");
    System.out.println(inspector.uri());
    System.out.println("Press Ctrl-C to stop.");
    stopped.await();
  }

  /** The arguments, or null after printing help. */
  static Args parse(String[] args, PrintStream out) {
    Path templates = Path.of("src/test/resources/templates");
    Path screens = Path.of("src/test/resources/screens");
    int port = 0;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--help", "-h" -> {
          out.print(USAGE);
          return null;
        }
        case "--templates" -> templates = Path.of(value(args, ++i, a));
        case "--screens" -> screens = Path.of(value(args, ++i, a));
        case "--port" -> {
          String v = value(args, ++i, a);
          try {
            port = Integer.parseInt(v);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port '" + v + "' is not a number: give 0-65535, for example 8800");
          }
          if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port " + port + " is outside 0-65535: give for example 8800, or 0 for any free port");
          }
        }
        default -> throw new IllegalArgumentException("unknown argument '" + a + "': see --help");
      }
    }
    return new Args(templates, screens, port);
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length) {
      throw new IllegalArgumentException(flag + " needs a value, for example " + flag
          + (flag.equals("--port") ? " 8800" : " src/test/resources/templates"));
    }
    return args[i];
  }
}
