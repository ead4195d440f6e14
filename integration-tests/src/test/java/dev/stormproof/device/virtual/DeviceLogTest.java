package dev.stormproof.device.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stormproof.device.Point;
import dev.stormproof.device.Size;
import dev.stormproof.device.adb.AdbDevice;
import dev.stormproof.device.adb.AdbOptions;
import dev.stormproof.device.virtual.arena.ArenaGame;
import dev.stormproof.report.DeviceLogs;
import dev.stormproof.testing.TestAdbServer;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The virtual device's logcat in Android's threadtime format, read by the real adb and by the
 * framework's {@link DeviceLogs}: the game's own lines, the planted crash, the app's version.
 */
class DeviceLogTest {

  private static final Pattern THREADTIME = Pattern.compile(
      "\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} +\\d+ +\\d+ [VDIWEF] \\S+ *: .*");

  private final VirtualDevice vdev = new VirtualDevice(VirtualDeviceOptions.defaults()
      .withSize(new Size(1080, 2400)).withLatency(LatencyModel.fast()).withApp(new ArenaGame())).start();
  private final AdbDevice device = AdbDevice.direct("127.0.0.1", vdev.port(), AdbOptions.defaults().withTimeout(Duration.ofSeconds(10)));
  private TestAdbServer adb;

  @AfterEach
  void stop() throws Exception {
    try {
      device.close();
      if (adb != null) {
        adb.close();
      }
    } finally {
      vdev.close();
    }
  }

  @Test
  void theRealAdbReadsTheGamesLinesInThreadtimeFormat() throws Exception {
    device.startApp("dev.stormproof.arena/.MainActivity");
    device.tap(Point.of(540, 1800));
    await().atMost(Duration.ofSeconds(10)).until(() -> vdev.tapLog().count() == 1); // taps stream asynchronously
    adb = new TestAdbServer();
    adb.connect(vdev.port());
    TestAdbServer.Result result = adb.run("-s", vdev.serial(), "logcat", "-d", "-v", "threadtime");
    assertThat(result.stderr()).isEmpty();
    String log = result.stdout();
    String[] lines = log.split("\n");
    assertThat(lines[0]).isEqualTo("--------- beginning of main");
    for (int i = 1; i < lines.length; i++) {
      assertThat(lines[i]).matches(THREADTIME);
    }
    assertThat(log).contains(" I ActivityManager: Start proc ", ":dev.stormproof.arena/u0a142 for top-activity",
        " I Arena   : Arena 2.4.1 started, 1080x2400", " D Arena   : tap 540,1800 on play");
  }

  @Test
  void theAppsLogKeepsItsOwnLinesAndTheCrashOfItsDeadProcess() {
    device.startApp("dev.stormproof.arena/.MainActivity");
    device.tap(Point.of(540, 1800));
    await().atMost(Duration.ofSeconds(10)).until(() -> vdev.tapLog().count() == 1);
    vdev.log().add(999, 'W', "OtherApp", "not ours");
    device.startApp("dev.stormproof.arena/.CrashActivity");

    String log = DeviceLogs.appLog(device, "dev.stormproof.arena");
    assertThat(log).doesNotContain("OtherApp").contains(" D Arena   : tap 540,1800 on play",
        " E AndroidRuntime: FATAL EXCEPTION: main",
        " E AndroidRuntime: java.lang.IllegalStateException: planted crash: the arena has no save slot",
        "Process dev.stormproof.arena (pid ");
    assertThat(log.lines()).allMatch(l -> THREADTIME.matcher(l).matches());
    assertThat(device.shell("pidof dev.stormproof.arena").exitCode()).as("the process died").isEqualTo(1);
  }

  @Test
  void theAppVersionComesFromDumpsysPackage() {
    assertThat(DeviceLogs.appVersion(device, "dev.stormproof.arena")).isEqualTo("2.4.1");
    assertThat(DeviceLogs.appVersion(device, "com.example.missing")).isEqualTo("unknown");
  }

  @Test
  void unsupportedLogcatOptionsNameTheFix() {
    assertThat(device.shell("logcat -d -f /sdcard/x").stderr()).isEqualTo(
        "logcat: '-f' is not supported on the virtual device; use logcat -d [-v threadtime] [-t N] or logcat -c\n");
    assertThat(device.shell("logcat").stderr()).isEqualTo("logcat: only dumps are supported on the virtual device "
        + "(no log streaming): 'logcat -b crash -d', or 'logcat -d [-v threadtime] [-t N]' for the main log\n");
  }
}
