package dev.stormproof.device.adb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stormproof.device.Point;
import dev.stormproof.device.ShellResult;
import dev.stormproof.device.Size;
import dev.stormproof.device.virtual.LatencyModel;
import dev.stormproof.device.virtual.TapLog;
import dev.stormproof.device.virtual.VirtualDevice;
import dev.stormproof.device.virtual.VirtualDeviceOptions;
import dev.stormproof.testing.CountingApp;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code wm size WxH} on the virtual device, as QA uses it to run one flow at several resolutions. */
class WmSizeOverrideTest {

  private final VirtualDevice vdev = new VirtualDevice(VirtualDeviceOptions.defaults()
      .withSize(new Size(1080, 2400)).withLatency(LatencyModel.fast()).withApp(new CountingApp())).start();
  private final AdbDevice device = AdbDevice.direct("127.0.0.1", vdev.port(),
      AdbOptions.defaults().withTimeout(Duration.ofSeconds(5)));

  @AfterEach
  void close() {
    device.close();
    vdev.close();
  }

  @Test
  void overrideChangesScreenshotsAndTapCoordinatesUntilReset() {
    assertThat(device.screenSize()).isEqualTo(new Size(1080, 2400));

    assertThat(device.shell("wm size 720x1600").exitCode()).isZero();
    assertThat(device.shell("wm size").stdout()).isEqualTo("Physical size: 1080x2400\nOverride size: 720x1600\n");
    assertThat(device.screenSize()).isEqualTo(new Size(720, 1600));
    assertThat(device.screenshot().size()).isEqualTo(new Size(720, 1600));

    // Raw touch goes through the panel's physical ranges and lands on the logical pixel.
    device.tap(Point.of(719, 1599));
    device.tap(Point.of(360, 800));
    await().until(() -> vdev.tapLog().count() == 2);
    assertThat(vdev.tapLog().snapshot()).extracting(TapLog.Tap::x, TapLog.Tap::y)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(719, 1599), org.assertj.core.groups.Tuple.tuple(360, 800));

    assertThat(device.shell("wm size reset").exitCode()).isZero();
    assertThat(device.screenSize()).isEqualTo(new Size(1080, 2400));
    assertThat(device.screenshot().size()).isEqualTo(new Size(1080, 2400));
  }

  @Test
  void malformedSizeIsRefusedLikeAndroid() {
    ShellResult r = device.shell("wm size huge");
    assertThat(r.exitCode()).isEqualTo(255);
    assertThat(r.stderr()).isEqualTo("Error: bad size huge (use wm size WIDTHxHEIGHT or wm size reset)\n");
    assertThat(device.screenSize()).isEqualTo(new Size(1080, 2400));
  }
}
