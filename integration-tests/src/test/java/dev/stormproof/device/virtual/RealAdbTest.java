package dev.stormproof.device.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stormproof.device.Size;
import dev.stormproof.testing.CountingApp;
import dev.stormproof.testing.TestAdbServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The real Debian adb (29.0.6) against the virtual device, through a private adb server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealAdbTest {

  private static final Size SIZE = new Size(720, 1600);

  private TestAdbServer adb;
  private VirtualDevice device;
  private CountingApp app;
  private String serial;

  @BeforeAll
  void start() throws Exception {
    app = new CountingApp();
    device = new VirtualDevice(VirtualDeviceOptions.defaults().withSize(SIZE).withApp(app)
        .withLatency(LatencyModel.fast())).start();
    serial = device.serial();
    adb = new TestAdbServer();
    assertThat(adb.connect(serial)).contains("connected to " + serial);
  }

  @AfterAll
  void stop() throws Exception {
    try {
      if (adb != null) {
        adb.close();
      }
    } finally {
      device.close();
    }
  }

  @Test
  void devicesListShowsTheDeviceOnlineWithItsModel() throws Exception {
    String line = adb.run("devices", "-l").stdout().lines().filter(l -> l.startsWith(serial)).findFirst().orElseThrow();
    assertThat(line).matches(java.util.regex.Pattern.quote(serial)
        + "\\s+device product:stormproof_vdev model:Stormproof_Virtual device:vdev transport_id:\\d+");
  }

  @Test
  void shellEchoPrintsItsArguments() throws Exception {
    TestAdbServer.Result r = adb.run("-s", serial, "shell", "echo", "hi");
    assertThat(r.stdout()).isEqualTo("hi\n");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void shellPropagatesExitCodesAndStderr() throws Exception {
    assertThat(adb.run("-s", serial, "shell", "false").exitCode()).isEqualTo(1);
    assertThat(adb.run("-s", serial, "shell", "exit 42").exitCode()).isEqualTo(42);
    TestAdbServer.Result unknown = adb.run("-s", serial, "shell", "frobnicate", "now");
    assertThat(unknown.exitCode()).isEqualTo(127);
    assertThat(unknown.stderr()).isEqualTo("/system/bin/sh: frobnicate: inaccessible or not found\n");
    assertThat(unknown.stdout()).isEmpty();
  }

  @Test
  void shellAnswersWmSizeAndGetprop() throws Exception {
    assertThat(adb.run("-s", serial, "shell", "wm size").stdout()).isEqualTo("Physical size: 720x1600\n");
    assertThat(adb.run("-s", serial, "shell", "getprop ro.build.version.sdk").stdout()).isEqualTo("34\n");
  }

  @Test
  void legacyShellWithoutShellProtocolMergesOutput() throws Exception {
    TestAdbServer.Result r = adb.run("-s", serial, "shell", "-x", "echo legacy && nope");
    assertThat(r.stdout()).isEqualTo("legacy\n/system/bin/sh: nope: inaccessible or not found\n");
  }

  @Test
  void execInFeedsRawTouchEventsToTheTouchscreen() throws Exception {
    long before = device.tapLog().count();
    java.io.File events = java.io.File.createTempFile("events", ".bin");
    try {
      java.nio.file.Files.write(events.toPath(), new TouchEvents().tap(70, 80).tap(719, 1599).bytes());
      assertThat(adb.runWithInput(events, "-s", serial, "exec-in", "cat > /dev/input/event2").exitCode()).isZero();
    } finally {
      events.delete();
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> device.tapLog().count() == before + 2);
    assertThat(device.tapLog().since(before)).extracting(t -> t.x() + "," + t.y() + "," + t.source())
        .containsExactly("70,80,RAW", "719,1599,RAW");
  }

  @Test
  void execOutScreencapPngDecodesAtTheScreenSize() throws Exception {
    byte[] png = adb.runBytes("-s", serial, "exec-out", "screencap", "-p");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(720);
    assertThat(image.getHeight()).isEqualTo(1600);
    assertThat(image.getRGB(360, 800) & 0xffffff).isEqualTo(CountingApp.COLOR.getRGB() & 0xffffff);
  }

  @Test
  void execOutRawScreencapHasHeaderAndRgbaPixels() throws Exception {
    byte[] raw = adb.runBytes("-s", serial, "exec-out", "screencap");
    assertThat(raw).hasSize(16 + 720 * 1600 * 4);
    ByteBuffer h = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(List.of(h.getInt(), h.getInt(), h.getInt(), h.getInt())).containsExactly(720, 1600, 1, 1);
    assertThat(new int[] {raw[16] & 0xff, raw[17] & 0xff, raw[18] & 0xff, raw[19] & 0xff})
        .containsExactly(200, 40, 90, 255);
  }

  @Test
  void aDroppedConnectionShowsAsShortOutputAndAdbReconnects() throws Exception {
    device.faults().dropConnectionAfter(100);
    byte[] cut = adb.runBytes("-s", serial, "exec-out", "screencap", "-p");
    assertThat(cut.length).as("adb passes on what arrived before the reset, and exits 0").isEqualTo(100);
    await().atMost(Duration.ofSeconds(30)).until(() -> adb.run("-s", serial, "shell", "echo", "back").stdout().equals("back\n"));
    assertThat(adb.runBytes("-s", serial, "exec-out", "screencap", "-p").length).isGreaterThan(100);
  }

  @Test
  void twoHundredInputTapsLandInTheTapLogInOrder() throws Exception {
    long before = device.tapLog().count();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      int x = 3 * i;
      int y = 1599 - 7 * i;
      assertThat(adb.run("-s", serial, "shell", "input", "tap", Integer.toString(x), Integer.toString(y)).exitCode())
          .isZero();
      expected.add(x + "," + y);
    }
    List<TapLog.Tap> taps = device.tapLog().since(before);
    assertThat(taps).extracting(t -> t.x() + "," + t.y()).containsExactlyElementsOf(expected);
    assertThat(taps).allMatch(t -> t.source() == TapLog.Source.INPUT);
    assertThat(taps).extracting(TapLog.Tap::seq).isSorted();
  }
}
