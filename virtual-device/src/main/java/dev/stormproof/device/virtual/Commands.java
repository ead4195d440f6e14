package dev.stormproof.device.virtual;

import dev.stormproof.device.Size;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The commands of the virtual device's shell. Output formats follow a real Android 14 phone
 * where a client might parse them. Latency from the {@link LatencyModel} is applied before the
 * command's effect, on the stream's own thread, with no lock held.
 */
final class Commands {

  /** {@code exit N}: ends the whole command line. */
  static final class ExitException extends Exception {
    final int status;

    ExitException(int status) {
      super(null, null, false, false);
      this.status = status;
    }
  }

  static final String TOUCH_DEVICE = "/dev/input/event2";
  static final String KEYS_DEVICE = "/dev/input/event0";
  static final String TOUCH_NAME = "stormproof-touchscreen";
  /** Raw screencap header: width, height, format, colorspace; u32 LE each (Android 10+ layout). */
  static final int RAW_HEADER = 16;
  static final int PIXEL_FORMAT_RGBA_8888 = 1;
  static final int COLORSPACE_SRGB = 1;

  private final VirtualDevice device;
  private final Input input;
  private final ProcessCommands process;

  Commands(VirtualDevice device) {
    this.device = device;
    this.input = new Input(device);
    this.process = new ProcessCommands(device);
  }

  int run(ShellParser.Command c, ShellIo io) throws IOException, InterruptedException, ExitException {
    if (c.redirect() != null) {
      return redirected(c, io);
    }
    String name = c.name();
    List<String> args = c.args().subList(1, c.args().size());
    switch (name) {
      case "input" -> {
        return input.run(args, io);
      }
      case "screencap" -> {
        return screencap(args, io);
      }
      default -> device.pause(device.latency().command());
    }
    return switch (name) {
      case "echo" -> echo(args, io);
      case "true" -> 0;
      case "false" -> 1;
      case "exit" -> throw new ExitException(args.isEmpty() ? 0 : parseExit(args.get(0)));
      case "wm" -> wm(args, io);
      case "getprop" -> getprop(args, io);
      case "getevent" -> getevent(args, io);
      case "am" -> am(args, io);
      case "dumpsys" -> dumpsys(args, io);
      case "cat" -> cat(args, io);
      case "test" -> test(args);
      // The app's modelled process only: a crashed or stopped app has none, whatever its log said.
      case "pidof" -> process.pidof(args, io);
      case "setprop" -> process.setprop(args, io);
      // logcat -b crash -d: the app guard's crash buffer; any other dump: the main log.
      case "logcat" -> args.contains("-b") || !args.contains("-d") ? process.logcat(args, io) : device.log().logcat(args, io);
      // adb logcat sends: export ANDROID_LOG_TAGS="''" ; exec logcat ... (no environment here)
      case "export" -> 0;
      case "exec" -> args.isEmpty() ? 0 : run(new ShellParser.Command(c.joint(), args, c.redirect()), io);
      case "ls" -> process.ls(args, io);
      case "uiautomator" -> uiautomator(args, io);
      default -> {
        io.err("/system/bin/sh: " + name + ": inaccessible or not found\n");
        yield 127;
      }
    };
  }

  private int redirected(ShellParser.Command c, ShellIo io) throws IOException, InterruptedException, ExitException {
    String target = c.redirect();
    if (target.equals(TOUCH_DEVICE) && c.name().equals("cat") && c.args().size() == 1) {
      if (!device.options().profile().inputWritable()) {
        io.err("/system/bin/sh: can't create " + target + ": Permission denied\n");
        return 1;
      }
      return input.touchStream(io);
    }
    if (target.equals("/dev/null") && c.name().equals("cat") && c.args().size() == 1) {
      while (io.readInput() != null) {
        // discard, as cat > /dev/null does
      }
      return 0;
    }
    if (target.equals("/dev/null")) {
      ShellParser.Command plain = new ShellParser.Command(c.joint(), c.args(), null);
      return run(plain, new ShellIo() {
        @Override public void out(byte[] data, int offset, int length) { }
        @Override public void err(String text) throws IOException { io.err(text); }
        @Override public byte[] readInput() throws IOException { return io.readInput(); }
      });
    }
    io.err("/system/bin/sh: can't create " + target + ": Read-only file system\n");
    return 1;
  }

  private static int parseExit(String s) {
    try {
      return Integer.parseInt(s) & 0xff;
    } catch (NumberFormatException e) {
      return 2;
    }
  }

  private static int echo(List<String> args, ShellIo io) throws IOException {
    boolean newline = true;
    if (!args.isEmpty() && args.get(0).equals("-n")) {
      newline = false;
      args = args.subList(1, args.size());
    }
    io.out(String.join(" ", args) + (newline ? "\n" : ""));
    return 0;
  }

  private int wm(List<String> args, ShellIo io) throws IOException {
    Size size = device.options().size();
    if (args.equals(List.of("size"))) {
      Size current = device.screenSize();
      io.out("Physical size: " + size + "\n" + (current.equals(size) ? "" : "Override size: " + current + "\n"));
      return 0;
    }
    if (args.size() == 2 && args.get(0).equals("size")) {
      if (args.get(1).equals("reset")) {
        device.overrideScreenSize(null);
        return 0;
      }
      Size wanted;
      try {
        wanted = Size.parse(args.get(1));
      } catch (IllegalArgumentException e) {
        io.err("Error: bad size " + args.get(1) + " (use wm size WIDTHxHEIGHT or wm size reset)\n");
        return 255;
      }
      if (wanted.width() > 8192 || wanted.height() > 8192) {
        io.err("Error: size " + wanted + " is larger than 8192x8192\n");
        return 255;
      }
      device.overrideScreenSize(wanted);
      return 0;
    }
    if (args.equals(List.of("density"))) {
      io.out("Physical density: " + device.options().density() + "\n");
      return 0;
    }
    io.err("wm: only 'wm size [WxH|reset]' and 'wm density' are supported on the virtual device\n");
    return 1;
  }

  private int getprop(List<String> args, ShellIo io) throws IOException {
    Map<String, String> props = device.properties();
    if (args.isEmpty()) {
      StringBuilder sb = new StringBuilder();
      new TreeMap<>(props).forEach((k, v) -> sb.append('[').append(k).append("]: [").append(v).append("]\n"));
      io.out(sb.toString());
    } else {
      io.out(props.getOrDefault(args.get(0), args.size() > 1 ? args.get(1) : "") + "\n");
    }
    return 0;
  }

  private int getevent(List<String> args, ShellIo io) throws IOException {
    if (!args.equals(List.of("-p"))) {
      io.err("getevent: only 'getevent -p' is supported on the virtual device (events are not streamed back)\n");
      return 1;
    }
    Size size = device.options().size();
    DeviceProfile profile = device.options().profile();
    int maxX = profile.panelMax() > 0 ? profile.panelMax() : size.width() - 1;
    int maxY = profile.panelMax() > 0 ? profile.panelMax() : size.height() - 1;
    if (profile.rotatedPanel()) { // natural landscape: the panel's X runs along the screen's height
      int t = maxX;
      maxX = maxY;
      maxY = t;
    }
    String abs = "value 0, min 0, max %d, fuzz 0, flat 0, resolution 0\n";
    StringBuilder sb = new StringBuilder();
    sb.append("add device 1: ").append(KEYS_DEVICE).append('\n')
        .append("  name:     \"gpio-keys\"\n")
        .append("  events:\n")
        .append("    KEY (0001): 0072  0073  0074 \n")
        .append("  input props:\n")
        .append("    <none>\n");
    sb.append("add device 2: ").append(TOUCH_DEVICE).append('\n')
        .append("  name:     \"").append(TOUCH_NAME).append("\"\n")
        .append("  events:\n")
        .append("    KEY (0001): 014a \n")
        .append("    ABS (0003): 002f  : ").append(String.format(abs, MultiTouchParser.SLOTS - 1))
        .append("                0030  : ").append(String.format(abs, 255))
        .append("                0035  : ").append(String.format(abs, maxX))
        .append("                0036  : ").append(String.format(abs, maxY))
        .append("                0039  : ").append(String.format(abs, 65535))
        .append("                003a  : ").append(String.format(abs, 255))
        .append("  input props:\n")
        .append("    INPUT_PROP_DIRECT\n");
    io.out(sb.toString());
    return 0;
  }

  /** {@code test -w PATH}: only the touchscreen is a writable device here, unless SELinux says no. */
  private int test(List<String> args) {
    if (args.size() == 2 && args.get(0).equals("-w")) {
      return args.get(1).equals(TOUCH_DEVICE) && device.options().profile().inputWritable() ? 0 : 1;
    }
    return 2; // toybox test: a usage error
  }

  private int am(List<String> args, ShellIo io) throws IOException {
    VirtualApp app = device.app();
    if (args.size() == 2 && args.get(0).equals("force-stop")) {
      if (args.get(1).equals(app.packageName())) {
        app.stop(device.now());
        device.log().appStopped(app.packageName(), "force-stop");
      }
      return 0;
    }
    if (!args.isEmpty() && args.get(0).equals("start")) {
      String component = null;
      for (int i = 1; i < args.size(); i++) {
        String a = args.get(i);
        if (a.equals("-n") && i + 1 < args.size()) {
          component = args.get(++i);
        } else if (!a.equals("-W") && !a.equals("-S") && !a.equals("-D")) {
          io.err("am start: option '" + a + "' is not supported on the virtual device; use am start [-W] [-S] -n COMPONENT\n");
          return 1;
        }
      }
      if (component == null) {
        io.err("am start: missing -n COMPONENT\n");
        return 1;
      }
      if (sameComponent(component, app.packageName() + "/.CrashActivity")) {
        return crash(app, component, io);
      }
      if (!sameComponent(component, app.component())) {
        io.out("Starting: Intent { cmp=" + component + " }\n");
        io.err("Error type 3\nError: Activity class {" + component + "} does not exist.\n");
        return 1;
      }
      io.out("Starting: Intent { cmp=" + component + " }\n");
      app.start(device.now());
      if (device.log().appPid() == 0) {
        device.log().appStarted(app.packageName(), component, app.process(device.now()).map(AppProcess::pid).orElse(0));
      }
      device.log().app('I', "Arena", "Arena " + app.versionName() + " started, " + device.screenSize());
      return 0;
    }
    io.err("am: only 'am start -n COMPONENT' and 'am force-stop PACKAGE' are supported on the virtual device\n");
    return 1;
  }

  /** The demo's planted crash: the activity starts, then the process dies as an uncaught exception does. */
  private int crash(VirtualApp app, String component, ShellIo io) throws IOException {
    io.out("Starting: Intent { cmp=" + component + " }\n");
    DeviceLog log = device.log();
    if (log.appPid() == 0) {
      log.appStarted(app.packageName(), component, app.process(device.now()).map(AppProcess::pid).orElse(0));
    }
    int pid = log.appPid();
    log.add(pid, 'E', "AndroidRuntime", "FATAL EXCEPTION: main\nProcess: " + app.packageName() + ", PID: " + pid
        + "\njava.lang.IllegalStateException: planted crash: the arena has no save slot\n"
        + "\tat " + app.packageName() + ".CrashActivity.onCreate(CrashActivity.java:42)\n"
        + "\tat android.app.Activity.performCreate(Activity.java:8595)");
    app.stop(device.now());
    log.appStopped(app.packageName(), "crash");
    return 0;
  }

  /** {@code pkg/.Main} and {@code pkg/pkg.Main} name the same activity. */
  static boolean sameComponent(String a, String b) {
    return expand(a).equals(expand(b));
  }

  private static String expand(String component) {
    int slash = component.indexOf('/');
    if (slash < 0) {
      return component;
    }
    String pkg = component.substring(0, slash);
    String cls = component.substring(slash + 1);
    return pkg + "/" + (cls.startsWith(".") ? pkg + cls : cls);
  }

  private int dumpsys(List<String> args, ShellIo io) throws IOException {
    Integer shown = args.isEmpty() ? null : process.dumpsys(args.get(0), args.subList(1, args.size()), io);
    if (shown != null) {
      return shown;
    }
    if (args.size() == 2 && args.get(0).equals("package") && args.get(1).equals(device.app().packageName())) {
      io.out("Packages:\n  Package [" + args.get(1) + "] (5f1c2e7):\n    versionCode=" + device.app().versionName().replace(".", "")
          + " minSdk=24 targetSdk=34\n    versionName=" + device.app().versionName() + "\n");
      return 0;
    }
    if (!args.equals(List.of("stormproof"))) {
      io.err("Can't find service: " + (args.isEmpty() ? "" : args.get(0)) + " (the virtual device offers 'dumpsys stormproof')\n");
      return 1;
    }
    long now = device.now();
    io.out("app: " + device.app().packageName() + "\n" + device.tapLog().format() + device.app().dump(now) + "\n");
    return 0;
  }

  /** {@code uiautomator dump /dev/tty}: the app's UI tree on stdout, as on a phone. */
  private int uiautomator(List<String> args, ShellIo io) throws IOException {
    List<String> tty = List.of("dump", "/dev/tty");
    if (!args.equals(tty) && !args.equals(List.of("dump", "/dev/stdout"))) {
      io.err("uiautomator: only 'uiautomator dump /dev/tty' is supported on the virtual device (no file system)\n");
      return 1;
    }
    String xml = device.app().uiDump(device.screenSize(), device.now());
    if (xml == null) {
      io.err("ERROR: null root node returned by UiTestAutomationBridge.\n");
      return 1;
    }
    io.out(xml + "UI hierchary dumped to: " + args.get(1) + "\n");
    return 0;
  }

  private int cat(List<String> args, ShellIo io) throws IOException {
    if (args.isEmpty()) {
      // An echoing cat would wait on the host's OKAYs while the host waits on ours.
      io.err("cat: reading stdin is only supported as 'cat > " + TOUCH_DEVICE + "' or 'cat > /dev/null'\n");
      return 1;
    }
    if (args.size() == 1) {
      Integer shown = process.cat(args.get(0), io);
      if (shown != null) {
        return shown;
      }
    }
    for (String file : args) {
      io.err("cat: " + file + ": No such file or directory\n");
    }
    return 1;
  }

  private int screencap(List<String> args, ShellIo io) throws IOException, InterruptedException {
    boolean png = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("-p")) {
        png = true;
      } else if (a.equals("-d") && i + 1 < args.size()) {
        i++;
      } else {
        io.err("screencap: '" + a + "' is not supported on the virtual device (no file system); use screencap [-p] and read stdout\n");
        return 1;
      }
    }
    device.pause(png ? device.latency().screencapPng() : device.latency().screencapRaw());
    Size size = device.screenSize();
    java.awt.image.BufferedImage image = device.app().render(size, device.now());
    if (image.getWidth() != size.width() || image.getHeight() != size.height()) {
      io.err("screencap: the app rendered " + image.getWidth() + "x" + image.getHeight() + ", the screen is " + size + "\n");
      return 1;
    }
    if (png) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 20);
      javax.imageio.ImageIO.write(image, "png", buf);
      io.out(buf.toByteArray(), 0, buf.size());
      return 0;
    }
    writeRaw(image, io, device.options().profile().rawHeader());
    return 0;
  }

  private static void writeRaw(java.awt.image.BufferedImage image, ShellIo io, int headerBytes) throws IOException {
    int w = image.getWidth();
    int h = image.getHeight();
    java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(RAW_HEADER).order(java.nio.ByteOrder.LITTLE_ENDIAN)
        .putInt(w).putInt(h).putInt(PIXEL_FORMAT_RGBA_8888).putInt(COLORSPACE_SRGB);
    io.out(header.array(), 0, headerBytes); // 12 before Android 9: no colour space field
    int rowsPerBatch = Math.max(1, (256 * 1024) / (w * 4));
    int[] argb = new int[w * rowsPerBatch];
    byte[] rgba = new byte[argb.length * 4];
    for (int y = 0; y < h; y += rowsPerBatch) {
      int rows = Math.min(rowsPerBatch, h - y);
      image.getRGB(0, y, w, rows, argb, 0, w);
      int n = w * rows;
      for (int i = 0; i < n; i++) {
        int p = argb[i];
        rgba[i * 4] = (byte) (p >> 16);
        rgba[i * 4 + 1] = (byte) (p >> 8);
        rgba[i * 4 + 2] = (byte) p;
        rgba[i * 4 + 3] = (byte) (p >>> 24);
      }
      io.out(rgba, 0, n * 4);
    }
  }
}
