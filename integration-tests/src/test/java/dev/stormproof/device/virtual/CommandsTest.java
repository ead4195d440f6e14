package dev.stormproof.device.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dadb.AdbShellResponse;
import dadb.AdbStream;
import dadb.Dadb;
import dev.stormproof.device.Size;
import dev.stormproof.testing.CountingApp;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The shell commands, through dadb (shell v2: stdout, stderr and exit code apart). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandsTest {

  private VirtualDevice device;
  private CountingApp app;
  private Dadb dadb;

  @BeforeAll
  void start() {
    app = new CountingApp();
    device = new VirtualDevice(VirtualDeviceOptions.defaults().withSize(new Size(720, 1600)).withApp(app)
        .withLatency(LatencyModel.fast())).start();
    dadb = Dadb.create("127.0.0.1", device.port());
  }

  @AfterAll
  void stop() throws Exception {
    dadb.close();
    device.close();
  }

  private AdbShellResponse sh(String command) throws Exception {
    return dadb.shell(command);
  }

  @Test
  void getEventListsATouchscreenWithThePanelRanges() throws Exception {
    String out = sh("getevent -p").getOutput();
    assertThat(out).contains("add device 2: /dev/input/event2\n  name:     \"stormproof-touchscreen\"\n")
        .contains("    ABS (0003): 002f  : value 0, min 0, max 9, fuzz 0, flat 0, resolution 0\n")
        .contains("                0035  : value 0, min 0, max 719, fuzz 0, flat 0, resolution 0\n")
        .contains("                0036  : value 0, min 0, max 1599, fuzz 0, flat 0, resolution 0\n")
        .contains("                0039  : value 0, min 0, max 65535, fuzz 0, flat 0, resolution 0\n")
        .endsWith("  input props:\n    INPUT_PROP_DIRECT\n");
    assertThat(sh("getevent").getExitCode()).isEqualTo(1);
  }

  @Test
  void wmAndGetprop() throws Exception {
    assertThat(sh("wm size").getOutput()).isEqualTo("Physical size: 720x1600\n");
    assertThat(sh("wm density").getOutput()).isEqualTo("Physical density: 420\n");
    assertThat(sh("getprop").getOutput()).contains("[ro.product.model]: [Stormproof_Virtual]\n")
        .contains("[ro.build.version.sdk]: [34]\n").contains("[ro.build.version.release]: [14]\n")
        .contains("[sys.boot_completed]: [1]\n");
    assertThat(sh("getprop ro.product.name").getOutput()).isEqualTo("stormproof_vdev\n");
    assertThat(sh("getprop no.such.key").getOutput()).isEqualTo("\n");
    assertThat(sh("getprop no.such.key fallback").getOutput()).isEqualTo("fallback\n");
  }

  @Test
  void amStartsAndStopsTheApp() throws Exception {
    AdbShellResponse start = sh("am start -W -n dev.stormproof.counting/dev.stormproof.counting.Main");
    assertThat(start.getOutput()).isEqualTo("Starting: Intent { cmp=dev.stormproof.counting/dev.stormproof.counting.Main }\n");
    assertThat(start.getExitCode()).isZero();
    assertThat(sh("am force-stop dev.stormproof.counting").getExitCode()).isZero();
    assertThat(app.events()).containsSubsequence("start", "stop");
    AdbShellResponse wrong = sh("am start -n com.other/.Main");
    assertThat(wrong.getExitCode()).isEqualTo(1);
    assertThat(wrong.getErrorOutput()).isEqualTo("Error type 3\nError: Activity class {com.other/.Main} does not exist.\n");
  }

  @Test
  void inputDeliversGesturesTextAndKeys() throws Exception {
    assertThat(sh("input swipe 10 20 30 40 100").getExitCode()).isZero();
    assertThat(sh("input text 'hi%sthere'").getExitCode()).isZero();
    assertThat(sh("input keyevent KEYCODE_BACK 66").getExitCode()).isZero();
    assertThat(sh("input touchscreen tap 5.7 6.2").getExitCode()).isZero();
    assertThat(app.events()).containsSubsequence("swipe 10 20 30 40", "text hi there", "key 4", "key 66", "tap 5 6");
    AdbShellResponse bad = sh("input tap 10");
    assertThat(bad.getExitCode()).isEqualTo(1);
    assertThat(bad.getErrorOutput()).startsWith("Error: input tap takes 2 coordinates, got 1\nUsage: input");
    assertThat(sh("input keyevent KEYCODE_NOPE").getErrorOutput()).startsWith("Error: unknown key code 'KEYCODE_NOPE'");
  }

  @Test
  void offScreenTapsReachNoWindow() throws Exception {
    long before = device.tapLog().count();
    assertThat(sh("input tap 720 10").getExitCode()).isZero();
    assertThat(device.tapLog().count()).isEqualTo(before);
  }

  @Test
  void dumpsysPrintsTheTapLogAndTheAppState() throws Exception {
    sh("input tap 11 22");
    String out = sh("dumpsys stormproof").getOutput();
    assertThat(out).startsWith("app: dev.stormproof.counting\ntaps: ").contains(" input (11, 22) @").contains("counting: starts=");
    assertThat(sh("dumpsys window").getExitCode()).isEqualTo(1);
  }

  @Test
  void shellControlFlowAndRedirection() throws Exception {
    assertThat(sh("true && echo yes").getOutput()).isEqualTo("yes\n");
    assertThat(sh("false || echo no").getOutput()).isEqualTo("no\n");
    AdbShellResponse skipped = sh("false && echo never");
    assertThat(skipped.getOutput()).isEmpty();
    assertThat(skipped.getExitCode()).isEqualTo(1);
    AdbShellResponse exit = sh("echo before; exit 3; echo after");
    assertThat(exit.getOutput()).isEqualTo("before\n");
    assertThat(exit.getExitCode()).isEqualTo(3);
    assertThat(sh("echo -n x").getOutput()).isEqualTo("x");
    assertThat(sh("echo hidden > /dev/null").getOutput()).isEmpty();
    AdbShellResponse readOnly = sh("echo x > /sdcard/f");
    assertThat(readOnly.getErrorOutput()).isEqualTo("/system/bin/sh: can't create /sdcard/f: Read-only file system\n");
    AdbShellResponse syntax = sh("echo 'oops");
    assertThat(syntax.getErrorOutput()).isEqualTo("/system/bin/sh: syntax error: ''' unmatched\n");
    assertThat(syntax.getExitCode()).isEqualTo(1);
  }

  @Test
  void quotedScreencapArgumentsWork() throws Exception {
    try (AdbStream s = dadb.open("exec:screencap '-p'")) {
      byte[] png = s.getSource().readByteArray();
      assertThat(java.util.Arrays.copyOf(png, 8)).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
      assertThat(new String(java.util.Arrays.copyOfRange(png, png.length - 8, png.length - 4), StandardCharsets.US_ASCII))
          .isEqualTo("IEND");
    }
  }

  @Test
  void shellV2StdinFeedsTheTouchscreenUntilCloseStdin() throws Exception {
    long before = device.tapLog().count();
    byte[] events = new TouchEvents().tap(300, 400).bytes();
    try (RawAdbClient c = RawAdbClient.connected(device.port())) {
      assertThat(c.open(9, "shell,v2,raw:cat > /dev/input/event2")).isPositive();
      ByteBuffer p = ByteBuffer.allocate(5 + events.length + 5).order(ByteOrder.LITTLE_ENDIAN);
      p.put((byte) 0).putInt(events.length).put(events).put((byte) 4).putInt(0);
      c.send(new AdbMessage(AdbMessage.A_WRTE, 9, 1, p.array()));
      assertThat(c.readStream(9)).containsExactly(3, 1, 0, 0, 0, 0);
    }
    assertThat(device.tapLog().since(before)).extracting(t -> t.x() + "," + t.y() + "," + t.source())
        .containsExactly("300,400,RAW");
  }

  @Test
  void catReadsStdinOnlyIntoDevices() throws Exception {
    AdbShellResponse echo = sh("cat");
    assertThat(echo.getExitCode()).isEqualTo(1);
    assertThat(echo.getErrorOutput()).isEqualTo("cat: reading stdin is only supported as 'cat > /dev/input/event2' or 'cat > /dev/null'\n");
    assertThat(sh("cat /sdcard/x").getErrorOutput()).isEqualTo("cat: /sdcard/x: No such file or directory\n");
    try (RawAdbClient c = RawAdbClient.connected(device.port())) {
      int remote = c.open(4, "exec:cat > /dev/null");
      for (int i = 0; i < 40; i++) { // more than the inbox holds: each is read and acknowledged
        c.send(new AdbMessage(AdbMessage.A_WRTE, 4, remote, new byte[1000]));
      }
      int okays = 0;
      while (okays < 40) {
        AdbMessage m = c.readFor(4);
        assertThat(m.command()).isEqualTo(AdbMessage.A_OKAY);
        okays++;
      }
      c.send(AdbMessage.of(AdbMessage.A_CLSE, 4, remote));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> device.connectionCount() == 1); // only dadb's
  }
}
