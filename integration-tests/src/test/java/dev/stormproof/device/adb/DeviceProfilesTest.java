package dev.stormproof.device.adb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stormproof.device.Point;
import dev.stormproof.device.Size;
import dev.stormproof.device.virtual.DeviceProfile;
import dev.stormproof.device.virtual.TapLog;
import dev.stormproof.device.virtual.VirtualDevice;
import dev.stormproof.device.virtual.VirtualDeviceOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The device layer against each real-phone profile of the virtual device: the raw screencap
 * decodes with and without the colour-space field, taps land on the intended pixel whatever the
 * panel's ABS range or natural orientation, and where {@code /dev/input} is refused the adapter
 * falls back to {@code input tap} and says so once.
 */
class DeviceProfilesTest {

  private static final Size SIZE = new Size(200, 400);

  @ParameterizedTest(name = "{0}: touch {1}, taps {2}")
  @CsvSource({
      "default, raw:/dev/input/event2, RAW",
      "api27, raw:/dev/input/event2, RAW",
      "panel4096, raw:/dev/input/event2, RAW",
      "rotatedPanel, input, INPUT",
      "selinux, input, INPUT",
      "slowPhone, raw:/dev/input/event2, RAW"})
  void theAdapterCapturesAndTapsOnEveryProfile(String name, String backend, TapLog.Source source) {
    List<LogRecord> said = new CopyOnWriteArrayList<>();
    Logger log = Logger.getLogger(AdbDevice.class.getName());
    Handler h = new Handler() {
      @Override public void publish(LogRecord r) { said.add(r); }
      @Override public void flush() { }
      @Override public void close() { }
    };
    log.addHandler(h);
    DeviceProfile profile = DeviceProfile.named(name);
    try (VirtualDevice vdev = new VirtualDevice(VirtualDeviceOptions.defaults().withSize(SIZE)
            .withProfile(profile)).start();
        AdbDevice device = AdbDevice.direct("127.0.0.1", vdev.port(),
            AdbOptions.defaults().withCapture(AdbOptions.Capture.RAW))) {
      assertThat(device.screenshot().size()).isEqualTo(SIZE); // raw only: no silent PNG fallback
      device.tap(Point.of(37, 123));
      device.tap(Point.of(199, 0));
      assertThat(device.touchBackend()).isEqualTo(backend);
      // Raw events are written without an answer: wait until the device has parsed both.
      await().atMost(Duration.ofSeconds(30)).until(() -> vdev.tapLog().count() == 2);
      assertThat(vdev.tapLog().snapshot()).extracting(t -> t.x() + "," + t.y() + " " + t.source())
          .containsExactly("37,123 " + source, "199,0 " + source);
      List<String> warnings = said.stream().map(LogRecord::getMessage).filter(m -> m.contains("not writable")).toList();
      if (name.equals("selinux")) {
        assertThat(warnings).containsExactly("127.0.0.1:" + vdev.port() + ": /dev/input/event2 is not writable by the"
            + " shell (SELinux or permissions); taps use 'input tap' instead, which is slower");
      } else {
        assertThat(warnings).isEmpty();
      }
    } finally {
      log.removeHandler(h);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"default, 34, 600", "api27, 27, 600", "slowPhone, 30, 1200"})
  void theProfileIsPickedByConfiguration(String name, int sdk, long inputTapMs) {
    Map<String, String> config = Map.of("stormproof.virtual.profile", name);
    VirtualDeviceOptions o = VirtualDeviceOptions.fromConfig(k -> Optional.ofNullable(config.get(k)));
    assertThat(o.profile().name()).isEqualTo(name);
    assertThat(o.sdk()).isEqualTo(sdk);
    assertThat(o.latency().inputTap()).isEqualTo(Duration.ofMillis(inputTapMs));
  }
}
