package dev.stormproof.device.adb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.stormproof.device.DeviceCommandException;
import dev.stormproof.device.DeviceLostException;
import dev.stormproof.device.DeviceTimeoutException;
import dev.stormproof.device.Point;
import dev.stormproof.device.Screenshot;
import dev.stormproof.device.ShellResult;
import dev.stormproof.device.Size;
import dev.stormproof.device.virtual.LatencyModel;
import dev.stormproof.device.virtual.TapLog;
import dev.stormproof.device.virtual.VirtualDevice;
import dev.stormproof.device.virtual.VirtualDeviceOptions;
import dev.stormproof.testing.CountingApp;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdbDeviceVirtualTest {

  private final CountingApp app = new CountingApp();
  private final VirtualDevice vdev = new VirtualDevice(VirtualDeviceOptions.defaults()
      .withSize(new Size(320, 640)).withLatency(LatencyModel.fast()).withApp(app)).start();
  private AdbDevice device = AdbDevice.direct("127.0.0.1", vdev.port(), AdbOptions.defaults().withTimeout(Duration.ofSeconds(5)));

  @AfterEach
  void close() {
    device.close();
    vdev.close();
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("stormproof-adb-127.0.0.1:" + vdev.port()));
  }

  @Test
  void reads_model_size_and_shell_exit_codes() {
    assertThat(device.model()).isEqualTo(VirtualDeviceOptions.DEFAULT_MODEL);
    assertThat(device.screenSize()).isEqualTo(new Size(320, 640));
    assertThat(device.shell("echo hi")).isEqualTo(new ShellResult(0, "hi\n", ""));
    assertThat(device.shell("false").exitCode()).isEqualTo(1);
    ShellResult unknown = device.shell("nosuchcmd");
    assertThat(unknown.exitCode()).isEqualTo(127);
    assertThat(unknown.stderr()).contains("nosuchcmd");
  }

  @Test
  void taps_go_through_the_raw_event_channel_in_order() {
    for (int i = 0; i < 50; i++) {
      device.tap(Point.of(i, 2 * i));
    }
    assertThat(device.touchBackend()).isEqualTo("raw:/dev/input/event2");
    await().until(() -> vdev.tapLog().count() == 50);
    List<TapLog.Tap> taps = vdev.tapLog().snapshot();
    for (int i = 0; i < 50; i++) {
      assertThat(taps.get(i)).extracting(TapLog.Tap::x, TapLog.Tap::y, TapLog.Tap::source).containsExactly(i, 2 * i, TapLog.Source.RAW);
    }
  }

  @Test
  void input_backend_when_configured() {
    device.close();
    device = AdbDevice.direct("127.0.0.1", vdev.port(), AdbOptions.defaults().withTouch(AdbOptions.Touch.INPUT));
    device.tap(Point.of(7, 9));
    assertThat(device.touchBackend()).isEqualTo("input");
    assertThat(vdev.tapLog().snapshot()).extracting(TapLog.Tap::source).containsExactly(TapLog.Source.INPUT);
  }

  @Test
  void screenshots_raw_and_png_decode_to_the_app_colour() {
    Screenshot raw = device.screenshot();
    assertThat(raw.size()).isEqualTo(new Size(320, 640));
    assertThat(pixel(raw, 100, 100)).isEqualTo(CountingApp.COLOR.getRGB());
    device.close();
    device = AdbDevice.direct("127.0.0.1", vdev.port(), AdbOptions.defaults().withCapture(AdbOptions.Capture.PNG));
    Screenshot png = device.screenshot();
    assertThat(png.size()).isEqualTo(new Size(320, 640));
    assertThat(pixel(png, 100, 100)).isEqualTo(CountingApp.COLOR.getRGB());
  }

  @Test
  void a_reuse_buffer_of_the_right_size_receives_the_frame() {
    java.nio.ByteBuffer reuse = java.nio.ByteBuffer.allocate(320 * 640 * 4);
    Screenshot s = device.screenshot(reuse);
    assertThat(reuse.getInt(0)).isEqualTo(s.rgba().getInt(0));
    assertThat(reuse.get(3)).isEqualTo((byte) 0xFF);
    assertThat(device.screenshot(java.nio.ByteBuffer.allocate(8)).rgba().remaining()).isEqualTo(320 * 640 * 4);
  }

  static int pixel(Screenshot s, int x, int y) {
    int at = (y * s.size().width() + x) * 4;
    return (s.rgba().get(at + 3) & 0xFF) << 24 | (s.rgba().get(at) & 0xFF) << 16 | (s.rgba().get(at + 1) & 0xFF) << 8 | (s.rgba().get(at + 2) & 0xFF);
  }

  @Test
  void hostile_text_reaches_the_app_verbatim() {
    List<String> hostile = ShellQuoteTest.HOSTILE.stream().filter(s -> !s.isEmpty()).collect(Collectors.toList());
    java.util.Random random = new java.util.Random(7);
    String alphabet = "ab '\"\\$`;|&()<>*?~#!%s\n\t{}[]üé漢🎮";
    for (int i = 0; i < 40; i++) {
      StringBuilder sb = new StringBuilder();
      int n = 1 + random.nextInt(15);
      while (sb.length() < n) {
        sb.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
      }
      hostile.add(sb.toString());
    }
    for (String text : hostile) {
      app.clear();
      device.text(text);
      assertThat(String.join("", app.texts())).as("typed %s", text).isEqualTo(text);
    }
    assertThat(device.shell("echo still-here").stdout()).isEqualTo("still-here\n");
  }

  @Test
  void a_truncated_screenshot_is_retried_once_on_a_fresh_connection() {
    device.screenSize();
    vdev.faults().truncateNextOutput(1000);
    Screenshot s = device.screenshot();
    assertThat(s.size()).isEqualTo(new Size(320, 640));
    assertThat(device.reconnects()).isEqualTo(1);
  }

  @Test
  void a_screenshot_truncated_on_every_try_fails_naming_the_device() {
    device.close();
    device = AdbDevice.direct("127.0.0.1", vdev.port(), AdbOptions.defaults().withCapture(AdbOptions.Capture.PNG));
    device.screenSize();
    vdev.faults().truncateNextOutputs(1000, 2); // the call and its one retry
    assertThatThrownBy(() -> device.screenshot())
        .isInstanceOf(dev.stormproof.device.DeviceProtocolException.class)
        .hasMessage("127.0.0.1:" + vdev.port() + ": screencap: PNG screencap of 1000 bytes does not end with the IEND"
            + " chunk: the image is truncated");
    assertThat(device.screenshot().size()).isEqualTo(new Size(320, 640));
  }

  @Test
  void a_hung_device_times_out_and_the_next_call_reconnects() {
    device.close();
    device = AdbDevice.direct("127.0.0.1", vdev.port(), AdbOptions.defaults().withTimeout(Duration.ofMillis(300)).withTouch(AdbOptions.Touch.INPUT));
    device.screenSize();
    vdev.faults().hang();
    assertThatThrownBy(() -> device.tap(Point.of(1, 1)))
        .isInstanceOf(DeviceTimeoutException.class)
        .hasMessage("127.0.0.1:" + vdev.port() + ": tap (1, 1) did not complete within 300 ms; the connection was closed and will be "
            + "reopened; raise stormproof.device.timeout if the device is just slow");
    vdev.faults().release();
    device.tap(Point.of(2, 2));
    assertThat(vdev.tapLog().snapshot()).extracting(TapLog.Tap::x).contains(2);
    assertThat(device.reconnects()).isEqualTo(1);
  }

  @Test
  void a_dropped_connection_fails_the_tap_without_retry_then_recovers() {
    device.close();
    device = AdbDevice.direct("127.0.0.1", vdev.port(), AdbOptions.defaults().withTouch(AdbOptions.Touch.INPUT));
    device.screenSize();
    vdev.faults().dropConnectionAfter(0);
    assertThatThrownBy(() -> device.tap(Point.of(3, 3))).isInstanceOf(DeviceLostException.class)
        .hasMessageStartingWith("127.0.0.1:" + vdev.port() + ": connection lost during tap (3, 3)");
    device.tap(Point.of(4, 4));
    assertThat(vdev.tapLog().snapshot()).extracting(TapLog.Tap::x).containsExactly(4);
  }

  @Test
  void a_drop_fails_every_call_in_flight_as_lost_not_as_a_timeout() throws Exception {
    device.close();
    // A long timeout: a call stranded by the drop would surface as DeviceTimeoutException.
    device = AdbDevice.direct("127.0.0.1", vdev.port(), AdbOptions.defaults().withTimeout(Duration.ofSeconds(60)));
    device.screenSize();
    vdev.faults().hang();
    java.util.List<java.util.concurrent.CompletableFuture<Throwable>> calls = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      calls.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try {
          device.shell("echo x");
          return null;
        } catch (Throwable t) {
          return t;
        }
      }));
    }
    await().until(() -> vdev.faults().hungCommands() == 6);
    vdev.faults().goOffline();
    for (var c : calls) {
      assertThat(c.get()).isInstanceOf(DeviceLostException.class);
    }
    vdev.faults().goOnline();
    vdev.faults().release();
    assertThat(device.shell("echo again").stdout()).isEqualTo("again\n");
  }

  @Test
  void an_offline_device_is_lost_until_it_comes_back() {
    device.screenSize();
    vdev.faults().goOffline();
    assertThatThrownBy(() -> device.shell("echo x")).isInstanceOf(DeviceLostException.class);
    vdev.faults().goOnline();
    assertThat(device.shell("echo back").stdout()).isEqualTo("back\n");
  }

  @Test
  void failing_commands_and_bad_arguments_have_clear_messages() {
    assertThatThrownBy(() -> device.tap(Point.of(320, 5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tap at (320, 5) is off screen: 127.0.0.1:" + vdev.port() + " is 320x640; use 0 <= x < 320 and 0 <= y < 640");
    assertThatThrownBy(() -> device.startApp("nope"))
        .hasMessage("component 'nope' is not package/.Activity, for example dev.stormproof.arena/.MainActivity");
    assertThatThrownBy(() -> device.startApp("no.such/.App")).isInstanceOf(DeviceCommandException.class);
    device.startApp(app.component());
    device.key(4);
    assertThat(app.keys()).containsExactly("4");
  }
}
