package dev.stormproof.device.adb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.stormproof.device.DeviceNotFoundException;
import dev.stormproof.device.Size;
import dev.stormproof.device.virtual.DeviceProfile;
import dev.stormproof.device.virtual.VirtualDevice;
import dev.stormproof.device.virtual.VirtualDeviceOptions;
import dev.stormproof.testing.TestAdbServer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A phone whose "Allow USB debugging?" prompt nobody accepted: the real adb server lists the
 * virtual device (profile {@code unauthorized}) as unauthorized, and selecting it fails at once
 * with the fix, instead of hanging on a direct connection the device will never accept.
 */
class UnauthorizedDeviceTest {

  @Test
  void anUnauthorizedDeviceIsReportedWithTheRsaPrompt() throws Exception {
    try (VirtualDevice vdev = new VirtualDevice(VirtualDeviceOptions.defaults().withSize(new Size(200, 400))
            .withProfile(DeviceProfile.named("unauthorized"))).start();
        TestAdbServer adb = new TestAdbServer()) {
      adb.run("connect", vdev.serial());
      await().atMost(Duration.ofSeconds(30))
          .until(() -> adb.run("devices").stdout().contains(vdev.serial() + "\tunauthorized"));
      Map<String, String> config = Map.of("stormproof.device", vdev.serial(),
          "stormproof.adb.servers", "127.0.0.1:" + adb.port);
      DeviceOptions options = DeviceOptions.fromConfig(k -> Optional.ofNullable(config.get(k)), k -> null);
      assertThatThrownBy(() -> DeviceSelector.find(options)).isInstanceOf(DeviceNotFoundException.class)
          .hasMessage("device " + vdev.serial() + " is unauthorized on 127.0.0.1:" + adb.port
              + " (accept the RSA key prompt on the phone); check 'adb devices'"
              + " once it is fixed");
      assertThat(vdev.connectionCount()).isEqualTo(1); // the adb server's transport, kept while prompting
    }
  }
}
