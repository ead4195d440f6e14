package dev.stormproof.device.adb;

import dev.stormproof.device.Device;
import dev.stormproof.device.DeviceCommandException;
import dev.stormproof.device.DeviceProtocolException;
import dev.stormproof.device.Point;
import dev.stormproof.device.Screenshot;
import dev.stormproof.device.ShellResult;
import dev.stormproof.device.Size;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link Device} over ADB: straight to adbd ({@link #direct}) or through an adb server
 * ({@link #viaServer}). Connects lazily on the first call.
 *
 * <p>Every call is bounded by {@link AdbOptions#timeout()} and fails with a typed
 * {@code DeviceException}; on a timeout or I/O failure the connection is discarded and the next
 * call reopens it. Idempotent reads ({@link #model()}, {@link #screenSize()},
 * {@link #screenshot()}) retry once on a fresh connection; input and {@link #shell} never retry.
 * Screenshots are validated (raw header versus byte count, PNG IEND and size). Taps use the raw
 * input-event channel where {@code getevent -p} shows a multi-touch screen in the current
 * orientation, else {@code input tap} (see {@link AdbOptions.Touch}).
 *
 * <p>Thread-safe. Calls from many threads run concurrently on one multiplexed connection
 * (direct) or one socket per call (adb server), at most {@link AdbOptions#maxStreams()} at once
 * (the rest wait within their timeout); taps on the raw channel are serialised. Owns one
 * worker pool of named daemon threads ({@code stormproof-adb-SERIAL-N}), stopped by
 * {@link #close()}.
 */
public final class AdbDevice implements Device {

  private static final Pattern WM_SIZE = Pattern.compile("(Physical|Override) size:\\s*(\\d+)x(\\d+)");
  private static final System.Logger LOG = System.getLogger(AdbDevice.class.getName());

  private final String serial;
  private final AdbOptions options;
  private final DeviceCalls calls;
  private final Object touchLock = new Object();
  private volatile Size size;
  private volatile String model;
  private volatile Boolean rawCapture;
  private RawTouch rawTouch;
  private boolean touchChosen;
  private final ScreenCapture capture = new ScreenCapture();

  private AdbDevice(String serial, AdbOptions options, DeviceCalls.Connector connector) {
    this.serial = serial;
    this.options = Objects.requireNonNull(options, "options");
    this.calls = new DeviceCalls(serial, connector, options.timeout(), options.maxStreams());
    if (options.capture() != AdbOptions.Capture.AUTO) {
      rawCapture = options.capture() == AdbOptions.Capture.RAW;
    }
  }

  /**
   * A device reached straight at adbd's TCP port (no adb server); connects on first use.
   *
   * @param host adbd's host, for example {@code 127.0.0.1}
   * @param port adbd's TCP port, for example {@code 6520}
   * @param options timeouts and backends
   * @return the device, serial {@code host:port}; close it
   */
  public static AdbDevice direct(String host, int port, AdbOptions options) {
    return new AdbDevice(host + ":" + port, options, () -> DadbTransports.direct(host, port, options));
  }

  /**
   * A device as listed by an adb server; connects on first use.
   *
   * @param serverHost the adb server's host
   * @param serverPort the adb server's port, usually 5037
   * @param serial the device's serial as {@code adb devices} lists it
   * @param options timeouts and backends
   * @return the device; close it
   */
  public static AdbDevice viaServer(String serverHost, int serverPort, String serial, AdbOptions options) {
    return new AdbDevice(serial, options, () -> DadbTransports.viaServer(serverHost, serverPort, serial, options));
  }

  /** @return the options this device was opened with */
  public AdbOptions options() {
    return options;
  }

  @Override
  public String serial() {
    return serial;
  }

  @Override
  public String model() {
    String m = model;
    if (m == null) {
      m = calls.call("getprop ro.product.model", true, t -> run(t, "getprop ro.product.model")).stdout().trim();
      model = m;
    }
    return m;
  }

  /**
   * The screen size, read once per handle ({@code wm size}; an override size wins over the
   * physical one) and read again after a {@code wm size ...} command sent through {@link #shell}.
   */
  @Override
  public Size screenSize() {
    Size s = size;
    if (s == null) {
      ShellResult r = calls.call("wm size", true, t -> run(t, "wm size"));
      s = parseWmSize(r);
      size = s;
    }
    return s;
  }

  static Size parseWmSize(ShellResult r) {
    Size found = null;
    Matcher m = WM_SIZE.matcher(r.stdout());
    while (m.find()) {
      if (found == null || m.group(1).equals("Override")) {
        found = new Size(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      }
    }
    if (!r.ok() || found == null) {
      throw new DeviceProtocolException("'wm size' answered exit " + r.exitCode() + " with '" + r.stdout().trim() + r.stderr().trim()
          + "', expected 'Physical size: WIDTHxHEIGHT'");
    }
    return found;
  }

  @Override
  public void tap(Point point) {
    Size s = checkOnScreen(point, "tap");
    calls.call("tap " + point, false, t -> {
      synchronized (touchLock) {
        RawTouch raw = chooseTouch(t, s);
        if (raw != null) {
          raw.tap(t, point, s);
        } else {
          checked(t, "input tap " + point.x() + " " + point.y());
        }
      }
      return null;
    });
  }

  /**
   * Which touch backend taps use; decided on the first tap.
   *
   * @return {@code raw:/dev/input/eventN}, {@code input}, or {@code undecided} before the first tap
   */
  public String touchBackend() {
    synchronized (touchLock) {
      if (!touchChosen) {
        return "undecided";
      }
      return rawTouch != null ? "raw:" + rawTouch.screen().path() : "input";
    }
  }

  // Called with touchLock held, on a worker thread.
  private RawTouch chooseTouch(AdbTransport t, Size s) throws IOException {
    if (!touchChosen) {
      if (options.touch() != AdbOptions.Touch.INPUT) {
        ShellResult r = run(t, "getevent -p");
        Optional<TouchScreen> ts = r.ok() ? TouchScreen.parse(r.stdout()) : Optional.empty();
        boolean writable = ts.isPresent() && run(t, "test -w " + ShellQuote.quote(ts.get().path())).ok();
        if (ts.isPresent() && !writable && options.touch() == AdbOptions.Touch.AUTO) {
          // User builds with SELinux enforcing deny the shell user /dev/input: said once, then input tap.
          LOG.log(System.Logger.Level.WARNING, serial + ": " + ts.get().path() + " is not writable by the shell"
              + " (SELinux or permissions); taps use 'input tap' instead, which is slower");
        }
        if (ts.isPresent() && writable && ts.get().sameOrientationAs(s.width(), s.height())) {
          rawTouch = new RawTouch(ts.get());
        } else if (options.touch() == AdbOptions.Touch.RAW) {
          throw new DeviceCommandException(serial + ": stormproof.adb.touch=raw but 'getevent -p' shows no multi-touch "
              + "(protocol B) screen in the current orientation (exit " + r.exitCode() + "); use stormproof.adb.touch=auto or input");
        }
      }
      touchChosen = true;
    }
    return rawTouch;
  }

  @Override
  public void swipe(Point from, Point to, Duration duration) {
    checkOnScreen(from, "swipe");
    checkOnScreen(to, "swipe");
    long ms = positiveMillis(duration, "swipe");
    calls.call("swipe " + from + " -> " + to, false,
        t -> checked(t, "input swipe " + from.x() + " " + from.y() + " " + to.x() + " " + to.y() + " " + ms));
  }

  @Override
  public void longPress(Point point, Duration duration) {
    checkOnScreen(point, "longPress");
    long ms = positiveMillis(duration, "longPress");
    calls.call("longPress " + point, false,
        t -> checked(t, "input swipe " + point.x() + " " + point.y() + " " + point.x() + " " + point.y() + " " + ms));
  }

  @Override
  public void text(String text) {
    Objects.requireNonNull(text, "text");
    String command = ShellQuote.inputText(text);
    calls.call("text (" + text.length() + " chars)", false, t -> checked(t, command));
  }

  @Override
  public void key(int keyCode) {
    if (keyCode < 0) {
      throw new IllegalArgumentException("key code " + keyCode + " is negative; use an Android KeyEvent code, for example 4 (BACK)");
    }
    calls.call("key " + keyCode, false, t -> checked(t, "input keyevent " + keyCode));
  }

  @Override
  public ShellResult shell(String command) {
    Objects.requireNonNull(command, "command");
    if (command.trim().startsWith("wm size")) {
      size = null; // the display size may change: read it again on next use
    }
    return calls.call("shell '" + abbreviate(command) + "'", false, t -> run(t, command));
  }

  @Override
  public Screenshot screenshot() {
    return screenshot(null);
  }

  /**
   * Captures into {@code reuse} when it is a writable heap buffer of exactly
   * {@code width*height*4} bytes (so a capture loop allocates nothing per frame); the returned
   * screenshot then views {@code reuse}, which the caller must not reuse while still reading it.
   *
   * @param reuse a buffer to capture into, or null to allocate
   * @return the frame
   * @throws dev.stormproof.device.DeviceException when the capture failed or was malformed
   */
  public Screenshot screenshot(ByteBuffer reuse) {
    Size expected = screenSize();
    return calls.call("screencap", true, t -> {
      Boolean raw = rawCapture;
      if (raw == null || raw) {
        try {
          Screenshot shot = capture.capture(serial, t, false, expected, reuse);
          rawCapture = true;
          return shot;
        } catch (DeviceProtocolException e) {
          if (raw != null || !e.getMessage().contains("pixel format")) {
            throw e;
          }
          rawCapture = false;
        }
      }
      return capture.capture(serial, t, true, expected, reuse);
    });
  }

  @Override
  public void startApp(String component) {
    if (component == null || !component.contains("/")) {
      throw new IllegalArgumentException("component '" + component + "' is not package/.Activity, for example dev.stormproof.arena/.MainActivity");
    }
    calls.call("startApp " + component, false, t -> {
      ShellResult r = checked(t, "am start -n " + ShellQuote.quote(component));
      if (r.stdout().contains("Error") || r.stderr().contains("Error")) {
        throw new DeviceCommandException(serial + ": 'am start -n " + component + "' failed: " + (r.stdout() + r.stderr()).trim());
      }
      return null;
    });
  }

  @Override
  public void stopApp(String packageName) {
    Objects.requireNonNull(packageName, "packageName");
    calls.call("stopApp " + packageName, false, t -> checked(t, "am force-stop " + ShellQuote.quote(packageName)));
  }

  /** Connections discarded and reopened so far. */
  int reconnects() {
    return calls.reconnects();
  }

  @Override
  public void close() {
    synchronized (touchLock) {
      if (rawTouch != null) {
        rawTouch.close();
      }
    }
    calls.close();
  }

  @Override
  public String toString() {
    return "AdbDevice[" + serial + "]";
  }

  // --- shell plumbing, on worker threads ---

  private ShellResult checked(AdbTransport t, String command) throws IOException {
    ShellResult r = run(t, command);
    if (!r.ok()) {
      throw new DeviceCommandException(serial + ": '" + abbreviate(command) + "' exited " + r.exitCode()
          + (r.stderr().isBlank() ? "" : ": " + r.stderr().trim()) + (r.stdout().isBlank() ? "" : " (stdout: " + abbreviate(r.stdout().trim()) + ")"));
    }
    return r;
  }

  private static ShellResult run(AdbTransport t, String command) throws IOException {
    return AdbShell.run(t, command);
  }

  private Size checkOnScreen(Point p, String what) {
    Objects.requireNonNull(p, "point");
    Size s = screenSize();
    if (!s.contains(p)) {
      throw new IllegalArgumentException(what + " at " + p + " is off screen: " + serial + " is " + s
          + "; use 0 <= x < " + s.width() + " and 0 <= y < " + s.height());
    }
    return s;
  }

  private static long positiveMillis(Duration d, String what) {
    Objects.requireNonNull(d, "duration");
    if (d.isNegative() || d.isZero()) {
      // Duration.toString (PT-0.005S) is hard to read; whole milliseconds are what users write.
      String actual = d.toNanosPart() % 1_000_000 == 0 ? d.toMillis() + " ms" : d.toString();
      throw new IllegalArgumentException(what + " duration " + actual + " is not positive; use for example Duration.ofMillis(300)");
    }
    return Math.max(1, d.toMillis());
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
