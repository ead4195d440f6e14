package dev.stormproof.device.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stormproof.app.Crash;
import dev.stormproof.app.GfxInfo;
import dev.stormproof.app.MemInfo;
import dev.stormproof.app.ProcStatus;
import dev.stormproof.device.Size;
import dev.stormproof.device.virtual.arena.ArenaGame;
import dev.stormproof.device.virtual.arena.ArenaScreen;
import dev.stormproof.device.virtual.arena.Bounds;
import dev.stormproof.testing.TestAdbServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Arena's process as the real Debian adb reads it from the virtual device ({@code pidof},
 * {@code /proc}, {@code dumpsys meminfo/gfxinfo/activity}, the crash buffer), parsed by the app
 * guard's parsers, and what each debug switch does to it.
 */
class ArenaProcessTest {

  private static final Size SIZE = new Size(1080, 2400);
  private static final String PKG = ArenaGame.PACKAGE;

  private final ArenaGame game = new ArenaGame();
  private final VirtualDevice device = new VirtualDevice(VirtualDeviceOptions.defaults().withSize(SIZE)
      .withApp(game).withLatency(LatencyModel.fast())).start();
  private TestAdbServer adb;

  @BeforeEach
  void connect() throws Exception {
    adb = new TestAdbServer();
    assertThat(adb.connect(device.serial())).contains("connected to " + device.serial());
  }

  @AfterEach
  void stop() throws Exception {
    try {
      adb.close();
    } finally {
      device.close();
    }
  }

  private TestAdbServer.Result sh(String... command) throws Exception {
    String[] args = new String[command.length + 3];
    args[0] = "-s";
    args[1] = device.serial();
    args[2] = "shell";
    System.arraycopy(command, 0, args, 3, command.length);
    return adb.run(args);
  }

  private int pid() throws Exception {
    return Integer.parseInt(sh("pidof", PKG).stdout().strip());
  }

  @Test
  void a_running_arena_has_a_process_in_the_formats_of_a_phone() throws Exception {
    sh("am", "force-stop", PKG); // the device started it
    assertThat(sh("pidof", PKG).stdout()).as("no process after force-stop").isEmpty();
    sh("am", "start", "-n", ArenaGame.COMPONENT);
    int pid = pid();
    ProcStatus status = ProcStatus.parse(sh("cat", "/proc/" + pid + "/status").stdout());
    assertThat(status.pid()).isEqualTo(pid);
    assertThat(status.threads()).isEqualTo(28);
    assertThat(ProcStatus.countFds(sh("ls", "/proc/" + pid + "/fd").stdout())).isEqualTo(72);
    MemInfo m = MemInfo.parse(sh("dumpsys", "meminfo", PKG).stdout());
    assertThat(m.pid()).isEqualTo(pid);
    assertThat(m.nativeHeap()).isBetween(21_504 * 1024L, (21_504 + 255) * 1024L);
    assertThat(m.objects("Activities")).isEqualTo(1);
    assertThat(m.totalPss()).isGreaterThan(m.nativeHeap() + m.javaHeap());
    sh("dumpsys", "gfxinfo", PKG, "reset");
    GfxInfo frames = GfxInfo.parse(sh("dumpsys", "gfxinfo", PKG).stdout());
    assertThat(frames.pid()).isEqualTo(pid);
    assertThat(frames.p90Ms()).isEqualTo(12);
    assertThat(sh("am", "start", "-n", ArenaGame.COMPONENT).exitCode()).isZero();
    assertThat(pid()).as("am start keeps a running process").isEqualTo(pid);
    sh("am", "force-stop", PKG);
    assertThat(sh("dumpsys", "meminfo", PKG).stdout()).isEqualTo("No process found for: " + PKG + "\n");
    sh("am", "start", "-n", ArenaGame.COMPONENT);
    assertThat(pid()).as("a new process after force-stop").isEqualTo(pid + 1);
  }

  @Test
  void leak_and_thread_switches_grow_the_process_per_battle() throws Exception {
    assertThat(sh("setprop", "debug.arena.leak", "4096").exitCode()).isZero();
    sh("setprop", "debug.arena.threads", "2");
    assertThat(sh("getprop", "debug.arena.leak").stdout()).isEqualTo("4096\n");
    sh("am", "start", "-n", ArenaGame.COMPONENT);
    battle();
    battle();
    int pid = pid();
    MemInfo m = MemInfo.parse(sh("dumpsys", "meminfo", PKG).stdout());
    long titleKb = 21_504 + 2 * 4_096; // back on the title screen, two battles leaked
    assertThat(m.nativeHeap()).isBetween(titleKb * 1024, (titleKb + 255) * 1024);
    assertThat(m.sections().get("Native Heap")).isEqualTo(m.nativeHeap());
    assertThat(ProcStatus.parse(sh("cat", "/proc/" + pid + "/status").stdout()).threads()).isEqualTo(32);
  }

  @Test
  void the_crash_switch_ends_the_process_and_logs_a_java_crash() throws Exception {
    sh("setprop", "debug.arena.crash", "1");
    sh("am", "start", "-n", ArenaGame.COMPONENT);
    int pid = pid();
    tap(ArenaScreen.TITLE, "play");
    skipBonus();
    tap(ArenaScreen.LOBBY, "battle");
    await().atMost(Duration.ofSeconds(10)).until(() -> game.currentScreen(device.now()) == ArenaScreen.LAUNCHER);
    assertThat(sh("pidof", PKG).stdout()).isEmpty();
    List<Crash> crashes = Crash.parseCrashLog(sh("logcat", "-b", "crash", "-d").stdout());
    assertThat(crashes).singleElement().satisfies(c -> {
      assertThat(c.of(PKG, 0)).isTrue();
      assertThat(c.pid()).isEqualTo(pid);
      assertThat(c.text()).contains("java.lang.IllegalStateException: planted crash (debug.arena.crash=1)");
    });
  }

  @Test
  void the_anr_switch_is_reported_by_the_activity_manager_and_taps_are_ignored() throws Exception {
    sh("setprop", "debug.arena.anr", "1");
    sh("am", "start", "-n", ArenaGame.COMPONENT);
    assertThat(Crash.parseAnrs(sh("dumpsys", "activity", "processes", PKG).stdout())).isEmpty();
    tap(ArenaScreen.TITLE, "play");
    skipBonus();
    tap(ArenaScreen.LOBBY, "battle");
    tap(ArenaScreen.BATTLE, "attack");
    assertThat(game.attacks()).as("a hung game takes no taps").isZero();
    assertThat(Crash.parseAnrs(sh("dumpsys", "activity", "processes", PKG).stdout()))
        .singleElement().satisfies(a -> assertThat(a.text()).contains("Waited 5001ms for MotionEvent"));
  }

  @Test
  void unsupported_forms_answer_like_a_phone_with_the_supported_form() throws Exception {
    TestAdbServer.Result logcat = sh("logcat");
    assertThat(logcat.exitCode()).isEqualTo(1);
    assertThat(logcat.stderr()).isEqualTo("logcat: only dumps are supported on the virtual device (no log streaming): "
        + "'logcat -b crash -d', or 'logcat -d [-v threadtime] [-t N]' for the main log\n");
    assertThat(sh("dumpsys", "gfxinfo").stderr()).isEqualTo("dumpsys gfxinfo: use dumpsys gfxinfo PACKAGE [reset] "
        + "on the virtual device\n");
    assertThat(sh("ls", "/proc/1/fd").stderr()).isEqualTo("ls: /proc/1/fd: No such file or directory\n");
    assertThat(sh("setprop", "x").stderr()).isEqualTo("setprop: need 2 arguments: setprop NAME VALUE\n");
  }

  private void battle() {
    tap(ArenaScreen.TITLE, "play");
    skipBonus();
    tap(ArenaScreen.LOBBY, "battle");
    for (int hit = 0; hit < 5; hit++) {
      tap(ArenaScreen.BATTLE, "attack");
    }
    tap(ArenaScreen.REWARD, "collect");
    await().atMost(Duration.ofSeconds(10)).until(() -> game.currentScreen(device.now()) == ArenaScreen.LOBBY);
    game.start(device.now()); // back to the title, same process
  }

  private void skipBonus() {
    await().atMost(Duration.ofSeconds(10)).until(() -> game.currentScreen(device.now()) != ArenaScreen.LOADING);
    if (game.currentScreen(device.now()) == ArenaScreen.REWARD) {
      tap(ArenaScreen.REWARD, "collect");
    }
  }

  private void tap(ArenaScreen screen, String element) {
    await().atMost(Duration.ofSeconds(10)).until(() -> game.currentScreen(device.now()) == screen);
    Bounds b = game.scene(SIZE, device.now()).get(element).bounds();
    game.tap(b.x() + b.width() / 2, b.y() + b.height() / 2, device.now());
  }
}
