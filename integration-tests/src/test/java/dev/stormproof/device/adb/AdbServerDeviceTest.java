package dev.stormproof.device.adb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.stormproof.device.DeviceNotFoundException;
import dev.stormproof.device.Point;
import dev.stormproof.device.Size;
import dev.stormproof.device.virtual.LatencyModel;
import dev.stormproof.device.virtual.VirtualDevice;
import dev.stormproof.device.virtual.VirtualDeviceOptions;
import dev.stormproof.testing.TestAdbServer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdbServerDeviceTest {

  static TestAdbServer server;
  static VirtualDevice vdev;

  @BeforeAll
  static void start() throws Exception {
    vdev = new VirtualDevice(VirtualDeviceOptions.defaults().withSize(new Size(200, 400)).withLatency(LatencyModel.fast())).start();
    server = new TestAdbServer();
    server.connect(vdev.port());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    vdev.close();
  }

  private static DeviceOptions options(Map<String, String> cfg) {
    return DeviceOptions.fromConfig(k -> Optional.ofNullable(cfg.get(k)), k -> null);
  }

  @Test
  void any_selects_the_devices_the_server_lists_and_they_work() {
    List<AdbDevice> devices = DeviceSelector.select(options(Map.of("stormproof.device", "any", "stormproof.adb.servers", "127.0.0.1:" + server.port)));
    try {
      assertThat(devices).extracting(AdbDevice::serial).containsExactly(vdev.serial());
      AdbDevice d = devices.get(0);
      assertThat(d.screenSize()).isEqualTo(new Size(200, 400));
      assertThat(d.shell("false").exitCode()).isEqualTo(1);
      assertThat(d.screenshot().size()).isEqualTo(new Size(200, 400));
      d.tap(Point.of(10, 20));
      await().until(() -> vdev.tapLog().count() >= 1);
    } finally {
      devices.forEach(AdbDevice::close);
    }
  }

  @Test
  void an_unknown_serial_is_not_found_with_what_was_online() {
    String cfgServers = "127.0.0.1:" + server.port;
    assertThatThrownBy(() -> DeviceSelector.select(options(Map.of("stormproof.device", "no-such", "stormproof.adb.servers", cfgServers))))
        .isInstanceOf(DeviceNotFoundException.class)
        .hasMessage("device no-such is not online on any adb server (asked [" + cfgServers + "], online: " + vdev.serial()
            + "); check 'adb devices', stormproof.device, ANDROID_SERIAL and stormproof.adb.servers");
  }

  @Test
  void android_serial_selects_when_stormproof_device_is_unset() {
    DeviceOptions o = DeviceOptions.fromConfig(k -> k.equals("stormproof.adb.servers") ? Optional.of("127.0.0.1:" + server.port) : Optional.empty(),
        k -> k.equals("ANDROID_SERIAL") ? vdev.serial() : null);
    List<AdbDevice> devices = DeviceSelector.select(o);
    devices.forEach(AdbDevice::close);
    assertThat(devices).extracting(AdbDevice::serial).containsExactly(vdev.serial());
  }

  @Test
  void an_unreachable_configured_server_is_reported() throws Exception {
    int dead = TestAdbServer.freePort();
    assertThatThrownBy(() -> DeviceSelector.select(options(Map.of("stormproof.adb.servers", "127.0.0.1:" + dead))))
        .isInstanceOf(DeviceNotFoundException.class)
        .hasMessageStartingWith("adb server 127.0.0.1:" + dead + " (from stormproof.adb.servers) does not answer: ")
        .hasMessageEndingWith("; start it with 'adb -P " + dead + " start-server' or remove it from stormproof.adb.servers");
  }
}
