package dev.stormproof.device.virtual;

import dev.stormproof.device.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An Android device inside the JVM: it listens on a loopback TCP port and speaks the device side
 * of the ADB transport protocol (CNXN without AUTH, OPEN/OKAY/WRTE/CLSE, many streams per
 * connection, adbd's flow control), so {@code adb connect 127.0.0.1:PORT} and dadb talk to it as
 * to a phone. Services: {@code shell:CMD}, {@code shell,v2,...:CMD}, {@code exec:CMD}.
 *
 * <p>Shell commands (POSIX quoting, {@code && || ;}, {@code > /dev/null}):
 * <ul>
 *   <li>{@code wm size} / {@code wm density}: {@code Physical size: 1080x2400}, {@code Physical density: 420}</li>
 *   <li>{@code getprop [KEY [DEFAULT]]}: all as {@code [k]: [v]} lines, or one value</li>
 *   <li>{@code input [SOURCE] tap X Y | swipe X1 Y1 X2 Y2 [MS] | text T | keyevent CODE...}: taps
 *       outside the screen reach nothing (exit 0, no tap logged)</li>
 *   <li>{@code screencap -p} (PNG) and {@code screencap} (16-byte header: u32 LE width, height,
 *       format 1 = RGBA_8888, colorspace 1 = sRGB, as Android 10+; then RGBA rows)</li>
 *   <li>{@code getevent -p}: a key device {@code /dev/input/event0} and the touchscreen
 *       {@code /dev/input/event2} with ABS_MT_SLOT (0-9), ABS_MT_POSITION_X/Y (0..width-1/height-1),
 *       ABS_MT_TRACKING_ID, ABS_MT_PRESSURE, INPUT_PROP_DIRECT</li>
 *   <li>{@code cat > /dev/input/event2}: the fast touch channel; use {@code exec:} (binary-safe)
 *       and write 24-byte 64-bit {@code input_event} structs, multi-touch protocol B; a contact
 *       lifted within the touch slop (8 dp) of where it went down is a tap, else a swipe</li>
 *   <li>{@code am start [-W] [-S] -n COMPONENT}, {@code am force-stop PACKAGE}</li>
 *   <li>{@code dumpsys stormproof}: the tap log and {@link VirtualApp#dump}</li>
 *   <li>the app's process ({@link VirtualApp#process}) as a phone shows it: {@code pidof PKG},
 *       {@code dumpsys meminfo PKG}, {@code dumpsys gfxinfo PKG [reset]}, {@code dumpsys
 *       activity processes [PKG]}, {@code cat /proc/PID/status}, {@code ls /proc/PID/fd},
 *       {@code logcat -b crash -d}; {@code setprop KEY VALUE} (read back by {@code getprop},
 *       passed to the app: Arena's debug switches)</li>
 *   <li>{@code echo [-n]}, {@code true}, {@code false}, {@code exit [N]}; anything else:
 *       {@code /system/bin/sh: NAME: inaccessible or not found} on stderr, exit 127</li>
 * </ul>
 * No pty is emulated ({@code shell:} output is not CR/LF-translated) and there is no interactive
 * shell, file system, {@code sync:} or {@code framebuffer:} service (refused with CLSE).
 *
 * <p>Lifecycle: {@code new VirtualDevice(options).start()} (also starts the app), then
 * {@link #close()}, which closes every connection and joins every thread the device started
 * (daemon threads {@code stormproof-vdev-<port>-accept}, {@code -conn-<n>}, {@code -stream-<n>}).
 * Ground truth for tests: {@link #tapLog()}; fault injection: {@link #faults()}. Thread-safe.
 * {@link #start()} throws {@link UncheckedIOException} when the port cannot be bound.
 */
public final class VirtualDevice implements AutoCloseable {

  private volatile Size sizeOverride;

  private static final System.Logger LOG = System.getLogger(VirtualDevice.class.getName());
  private static final long JOIN_MILLIS = 5_000;
  /** Open connections at most; more are closed at accept, so a runaway client cannot exhaust threads. */
  static final int MAX_CONNECTIONS = 128;

  private final VirtualDeviceOptions options;
  private final VirtualApp app;
  private final TapLog tapLog;
  private final DeviceLog log = new DeviceLog();
  private final Faults faults;
  private final Commands commands;
  private final Object inputLock = new Object();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final Map<AdbConnection, Thread> connections = new ConcurrentHashMap<>();
  private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
  private final Map<String, String> setProperties = new ConcurrentHashMap<>();
  private final AtomicInteger connectionCount = new AtomicInteger();
  private final AtomicInteger workerCount = new AtomicInteger();
  private ServerSocket server;
  private Thread acceptor;
  private ThreadPoolExecutor executor;
  private volatile int port;
  private volatile boolean started;

  /**
   * A device, not started yet; binds nothing until {@link #start()}.
   *
   * @param options address, screen, properties, app, latency and clock
   */
  public VirtualDevice(VirtualDeviceOptions options) {
    this.options = options;
    this.app = options.app().orElseGet(VirtualApps::defaultApp);
    this.tapLog = new TapLog(options.tapLogCapacity());
    this.faults = new Faults(this::closeConnections);
    this.commands = new Commands(this);
  }

  /**
   * Binds the port, starts the app and starts accepting connections. Only once per instance.
   *
   * @return this device
   * @throws IllegalStateException when already started
   * @throws UncheckedIOException when the port cannot be bound
   */
  public synchronized VirtualDevice start() {
    if (started) {
      throw new IllegalStateException("VirtualDevice " + serial() + " was already started; create a new one");
    }
    InetAddress address = VirtualDeviceOptions.checkLoopback(options.host());
    try {
      server = new ServerSocket();
      server.bind(new InetSocketAddress(address, options.port()), 50);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot bind the virtual device to " + address.getHostAddress() + ":" + options.port()
          + ": " + e.getMessage() + "; use port 0 for an ephemeral port", e);
    }
    port = server.getLocalPort();
    try {
      startServing();
    } catch (RuntimeException | Error e) {
      try {
        server.close(); // a failed start must not keep the port bound
      } catch (IOException ignored) {
        // best effort: the start failure is what the caller needs to see
      }
      throw e;
    }
    LOG.log(Level.INFO, "virtual device " + serial() + " (" + options.size() + ", " + app.packageName() + ") listening");
    return this;
  }

  private void startServing() {
    executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
      Thread t = new Thread(() -> {
        try {
          r.run();
        } finally {
          workers.remove(Thread.currentThread());
        }
      }, prefix() + "stream-" + workerCount.incrementAndGet());
      t.setDaemon(true);
      workers.add(t);
      return t;
    });
    app.start(now());
    log.appStarted(app.packageName(), app.component(), app.process(now()).map(AppProcess::pid).orElse(0));
    acceptor = new Thread(this::acceptLoop, prefix() + "accept");
    acceptor.setDaemon(true);
    started = true;
    acceptor.start();
  }

  /** @return the bound port (after {@link #start()}) */
  public int port() {
    return port;
  }

  /** @return {@code 127.0.0.1:PORT}, the serial {@code adb connect} registers it under */
  public String serial() {
    return "127.0.0.1:" + port;
  }

  /** @return every tap the device received: ground truth for tests */
  public TapLog tapLog() {
    return tapLog;
  }

  /** @return the fault switches of this device */
  public Faults faults() {
    return faults;
  }

  /**
   * The display size apps render at: the {@code wm size WxH} override when one is set, else the
   * physical size of the options.
   *
   * @return the current display size
   */
  public Size screenSize() {
    Size o = sizeOverride;
    return o != null ? o : options.size();
  }

  /** Sets ({@code wm size WxH}) or clears ({@code null}, {@code wm size reset}) the display size override. */
  void overrideScreenSize(Size size) {
    synchronized (inputLock) {
      sizeOverride = size;
      app.screenSize(screenSize());
    }
  }

  /** @return the options this device was made with */
  public VirtualDeviceOptions options() {
    return options;
  }

  /** @return the app on screen */
  public VirtualApp app() {
    return app;
  }

  /** @return connections currently open (for tests and diagnostics) */
  public int connectionCount() {
    return connections.size();
  }

  /** Closes every connection, stops accepting and joins all threads of this device. Idempotent. */
  @Override
  public void close() {
    synchronized (this) {
      if (closing.getCount() == 0) {
        return;
      }
      closing.countDown();
    }
    if (server != null) {
      try {
        server.close();
      } catch (IOException e) {
        LOG.log(Level.DEBUG, "closing server socket: " + e);
      }
    }
    join(acceptor);
    closeConnections();
    faults.release(); // after the connections: released commands find their streams closed
    for (Thread t : new ArrayList<>(connections.values())) {
      join(t);
    }
    if (executor != null) {
      executor.shutdownNow();
      for (Thread t : new ArrayList<>(workers)) {
        join(t);
      }
    }
  }

  private static void join(Thread t) {
    if (t == null || t == Thread.currentThread()) {
      return;
    }
    try {
      t.join(JOIN_MILLIS);
      if (t.isAlive()) {
        LOG.log(Level.WARNING, t.getName() + " did not end within " + JOIN_MILLIS + " ms of close");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void acceptLoop() {
    while (closing.getCount() > 0) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (SocketException e) {
        break; // closed
      } catch (IOException e) {
        LOG.log(Level.WARNING, serial() + ": accept failed: " + e);
        continue;
      }
      AdbConnection evict = Admission.evictFor(connections.keySet(), socket.getInetAddress(),
          options.defense().peerBudget(), MAX_CONNECTIONS);
      if (evict != null) {
        // The newcomer wins over the oldest unfinished handshake: a flood of silent sockets then
        // only churns through its own budget, and a real client completes CNXN in milliseconds.
        LOG.log(Level.DEBUG, serial() + ": dropping " + evict + " (no CNXN yet) for a new connection from "
            + socket.getInetAddress() + " (stormproof.virtual.peerBudget)");
        evict.close();
      }
      boolean full = evict == null && connections.size() >= MAX_CONNECTIONS;
      if (full) {
        LOG.log(Level.WARNING, serial() + ": refusing a connection, " + MAX_CONNECTIONS + " are open");
      }
      if (full || faults.offline() || closing.getCount() == 0) {
        try (socket) {
          socket.setSoLinger(true, 0);
        } catch (IOException ignored) {
          // refusing anyway
        }
        continue;
      }
      try {
        String name = prefix() + "conn-" + connectionCount.incrementAndGet();
        AdbConnection connection = new AdbConnection(this, socket, name);
        Thread reader = new Thread(() -> {
          try {
            connection.run();
          } finally {
            connections.remove(connection);
          }
        }, name);
        reader.setDaemon(true);
        connections.put(connection, reader);
        reader.start();
      } catch (IOException e) {
        LOG.log(Level.WARNING, serial() + ": could not set up a connection: " + e);
        try {
          socket.close(); // the peer may have reset it already; it must not stay open here
        } catch (IOException ignored) {
          // closing a broken socket
        }
      }
    }
  }

  private void closeConnections() {
    for (AdbConnection c : new ArrayList<>(connections.keySet())) {
      c.close();
    }
  }

  private String prefix() {
    return "stormproof-vdev-" + port + "-";
  }

  // ---- used by the protocol and shell classes ----

  String banner() {
    return DeviceProperties.banner(options);
  }

  Map<String, String> properties() {
    Map<String, String> p = DeviceProperties.of(options, serial());
    p.putAll(setProperties);
    return p;
  }

  /** {@code setprop}: kept for {@code getprop} and passed to the app. */
  void setProperty(String key, String value) {
    setProperties.put(key, value);
    app.propertySet(key, value, now());
  }

  boolean closing() {
    return closing.getCount() == 0;
  }

  Commands commands() {
    return commands;
  }

  LatencyModel latency() {
    return options.latency();
  }

  /**
   * The device's log buffer, served by {@code logcat}; tests may add lines of other processes.
   *
   * @return the log
   */
  public DeviceLog log() {
    return log;
  }

  long now() {
    return options.clock().millis();
  }

  /** Simulated work: waits without holding locks; ends early when the device closes. */
  void pause(Duration d) throws InterruptedException {
    if (!d.isZero()) {
      closing.await(d.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  void serve(AdbStream stream) {
    executor.execute(() -> new ShellSession(this, stream).run());
  }

  /** Delivers a tap to the app and logs it, atomically so the log order is the delivery order. */
  void deliverTap(int x, int y, TapLog.Source source) {
    Size size = screenSize();
    Size physical = options.size();
    if (source == TapLog.Source.RAW && !size.equals(physical)) {
      // The touch panel keeps its physical ranges under a 'wm size' override; Android scales
      // panel coordinates to the logical display, and so do we.
      x = (int) Math.round((double) x * (size.width() - 1) / Math.max(1, physical.width() - 1));
      y = (int) Math.round((double) y * (size.height() - 1) / Math.max(1, physical.height() - 1));
    }
    if (x >= size.width() || y >= size.height() || x < 0 || y < 0) {
      return; // like Android: a touch outside the display reaches no window
    }
    synchronized (inputLock) {
      long now = now();
      app.tap(x, y, now);
      tapLog.record(x, y, source, now);
      log.app('D', "Arena", app.lastEvent());
    }
  }

  void deliverSwipe(int x1, int y1, int x2, int y2, long durationMillis) {
    synchronized (inputLock) {
      app.swipe(x1, y1, x2, y2, durationMillis, now());
    }
  }

  void deliverText(String text) {
    synchronized (inputLock) {
      app.text(text, now());
    }
  }

  void deliverKey(int code) {
    synchronized (inputLock) {
      app.key(code, now());
    }
  }

  @Override
  public String toString() {
    return "VirtualDevice[" + serial() + ", " + options.size() + ", " + app.packageName() + "]";
  }
}
