package dev.stormproof.device.adb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.stormproof.device.DeviceException;
import dev.stormproof.device.Size;
import dev.stormproof.device.virtual.LatencyModel;
import dev.stormproof.device.virtual.VirtualDevice;
import dev.stormproof.device.virtual.VirtualDeviceOptions;
import dev.stormproof.testing.TestAdbServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A phone that drops off the bus and comes back: the real adb server sees it offline, then
 * online again under a new transport id. A device handle selected before keeps working
 * afterwards: it addresses the phone by serial, never by transport id, and a call made while
 * the phone is away fails with a typed error naming it.
 */
class OfflineAndBackTest {

  private static final Pattern TRANSPORT = Pattern.compile("transport_id:(\\d+)");

  @Test
  void aDeviceBackWithANewTransportIdIsUsableThroughTheSameHandle() throws Exception {
    try (VirtualDevice vdev = new VirtualDevice(VirtualDeviceOptions.defaults().withSize(new Size(200, 400))
            .withLatency(LatencyModel.fast())).start();
        TestAdbServer adb = new TestAdbServer()) {
      adb.connect(vdev.port());
      String before = transportId(adb, vdev.serial());
      Map<String, String> config = Map.of("stormproof.device", vdev.serial(), "stormproof.adb.servers", "127.0.0.1:" + adb.port);
      List<AdbDevice> devices = DeviceSelector.select(DeviceOptions.fromConfig(k -> Optional.ofNullable(config.get(k)), k -> null));
      AdbDevice device = devices.get(0);
      try {
        assertThat(device.shell("echo before").stdout()).isEqualTo("before\n");
        vdev.faults().goOffline();
        await().atMost(Duration.ofSeconds(30)).until(() -> !adb.run("devices").stdout().contains(vdev.serial() + "\tdevice"));
        assertThatThrownBy(() -> device.shell("echo away")).isInstanceOf(DeviceException.class)
            .hasMessageStartingWith(vdev.serial() + ": ");
        // adb keeps a TCP transport (and its id) to reconnect it; a re-plugged USB phone gets a new
        // one. Dropping the transport models that: the phone comes back under a new id.
        adb.run("disconnect", vdev.serial());
        vdev.faults().goOnline();
        adb.connect(vdev.port());
        await().atMost(Duration.ofSeconds(30)).until(() -> adb.run("devices").stdout().contains(vdev.serial() + "\tdevice"));
        assertThat(transportId(adb, vdev.serial())).isNotEqualTo(before);
        // The first call after the loss may find the dead connection and reopen it ("on the next call").
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(DeviceException.class)
            .until(() -> device.shell("echo back").stdout().equals("back\n"));
      } finally {
        devices.forEach(AdbDevice::close);
      }
    }
  }

  private static String transportId(TestAdbServer adb, String serial) throws Exception {
    for (String line : adb.run("devices", "-l").stdout().split("\n")) {
      Matcher m = TRANSPORT.matcher(line);
      if (line.startsWith(serial + " ") && m.find()) {
        return m.group(1);
      }
    }
    throw new AssertionError("adb devices -l lists no transport id for " + serial);
  }
}
