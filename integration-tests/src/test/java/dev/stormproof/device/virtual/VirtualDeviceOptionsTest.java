package dev.stormproof.device.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormproof.device.Size;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VirtualDeviceOptionsTest {

  @Test
  void defaultsAreDocumented() {
    VirtualDeviceOptions o = VirtualDeviceOptions.defaults();
    assertThat(o.host()).isEqualTo("127.0.0.1");
    assertThat(o.port()).isZero();
    assertThat(o.size()).isEqualTo(new Size(1080, 2400));
    assertThat(o.model()).isEqualTo("Stormproof_Virtual");
    assertThat(o.density()).isEqualTo(420);
    assertThat(o.sdk()).isEqualTo(34);
    assertThat(o.app()).isEmpty();
    assertThat(o.latency().inputTap()).isEqualTo(Duration.ofMillis(600));
  }

  @Test
  void nonLoopbackHostsAreRejected() {
    assertThatThrownBy(() -> VirtualDeviceOptions.defaults().withHost("8.8.8.8"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Bind host '8.8.8.8' resolves to 8.8.8.8, which is not a loopback address: the virtual device has"
            + " no authentication and would give anyone on the network a shell; use 127.0.0.1 (or ::1)");
    assertThatThrownBy(() -> VirtualDeviceOptions.defaults().withHost("0.0.0.0"))
        .hasMessageStartingWith("Bind host '0.0.0.0' resolves to 0.0.0.0, which is not a loopback address");
    assertThat(VirtualDeviceOptions.defaults().withHost("localhost").host()).isEqualTo("localhost");
    assertThat(VirtualDeviceOptions.defaults().withHost("127.0.0.2").host()).isEqualTo("127.0.0.2");
  }

  @ParameterizedTest
  @ValueSource(ints = {5555, 5560, 5585})
  void adbEmulatorPortsAreRejected(int port) {
    assertThatThrownBy(() -> VirtualDeviceOptions.defaults().withPort(port))
        .hasMessage("Port " + port + " is in 5555-5585, which every adb server on this machine probes and"
            + " auto-registers as an emulator (emulator-5554 is port 5555, and so on); use 0 (ephemeral) or a port"
            + " outside that range");
  }

  @Test
  void portsOutsideTheRangeAreAccepted() {
    assertThat(VirtualDeviceOptions.defaults().withPort(5554).port()).isEqualTo(5554);
    assertThat(VirtualDeviceOptions.defaults().withPort(5586).port()).isEqualTo(5586);
    assertThatThrownBy(() -> VirtualDeviceOptions.defaults().withPort(65536))
        .hasMessage("Port 65536 is out of range: use 0 (ephemeral) or 1-65535");
  }

  @Test
  void namesMustFitTheBanner() {
    assertThatThrownBy(() -> VirtualDeviceOptions.defaults().withModel("a;features=x"))
        .hasMessage("Device model 'a;features=x' is not usable in the adb banner: use letters, digits, space, '.', '_', '+' or '-'");
  }

  @Test
  void fromConfigReadsPrefixedKeys() {
    Map<String, String> config = Map.of("stormproof.virtual.size", "2400x1080", "stormproof.virtual.port", "40123",
        "stormproof.virtual.model", "Pixel 7", "stormproof.virtual.latency.fast", "true",
        "stormproof.virtual.latency.inputTap", "5");
    VirtualDeviceOptions o = VirtualDeviceOptions.fromConfig(k -> Optional.ofNullable(config.get(k)));
    assertThat(o.size()).isEqualTo(new Size(2400, 1080));
    assertThat(o.port()).isEqualTo(40123);
    assertThat(o.model()).isEqualTo("Pixel 7");
    assertThat(o.latency().inputTap()).isEqualTo(Duration.ofMillis(5));
    assertThat(o.latency().screencapPng()).isZero();
    assertThatThrownBy(() -> VirtualDeviceOptions.fromConfig(k -> k.equals("stormproof.virtual.port") ? Optional.of("x") : Optional.empty()))
        .hasMessage("stormproof.virtual.port=x is not a whole number, for example 2");
  }

  @Test
  void latencyModelDefaultsLookLikeAPhone() {
    LatencyModel phone = LatencyModel.phone();
    assertThat(phone.inputTap()).isEqualTo(Duration.ofMillis(600));
    assertThat(phone.rawEventWrite()).isEqualTo(Duration.ofMillis(1));
    assertThat(phone.screencapPng()).isGreaterThan(phone.screencapRaw());
    assertThat(phone.swipeTakesItsDuration()).isTrue();
    LatencyModel fast = LatencyModel.fast();
    assertThat(fast.inputTap()).isZero();
    assertThat(fast.swipeTakesItsDuration()).isFalse();
    assertThat(fast.withInputTap(Duration.ofMillis(3)).inputTap()).isEqualTo(Duration.ofMillis(3));
    assertThatThrownBy(() -> fast.withScreencapRaw(Duration.ofMillis(-1)))
        .hasMessage("LatencyModel.screencapRaw is PT-0.001S: use a duration >= 0 (Duration.ZERO for none)");
    assertThatThrownBy(() -> LatencyModel.fromConfig(k -> k.endsWith("rawEventWrite") ? Optional.of("1ms") : Optional.empty()))
        .hasMessage("stormproof.virtual.latency.rawEventWrite=1ms is not a whole number, for example 2");
  }

  @Test
  void aBusyPortFailsStartWithAHint() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      VirtualDevice device = new VirtualDevice(VirtualDeviceOptions.defaults().withPort(busy.getLocalPort()));
      assertThatThrownBy(device::start).isInstanceOf(UncheckedIOException.class)
          .hasMessageStartingWith("Cannot bind the virtual device to 127.0.0.1:" + busy.getLocalPort() + ": ")
          .hasMessageEndingWith("; use port 0 for an ephemeral port");
      device.close();
    }
  }

  @Test
  void landscapeDevicesReportTheirSize() throws Exception {
    try (VirtualDevice device = new VirtualDevice(VirtualDeviceOptions.defaults().withSize(new Size(2400, 1080))
        .withLatency(LatencyModel.fast())).start();
        RawAdbClient c = RawAdbClient.connected(device.port())) {
      assertThat(c.run("exec:wm size")).isEqualTo("Physical size: 2400x1080\n");
      // The framework registers Arena as the default app (META-INF/services).
      assertThat(device.app().packageName()).isEqualTo("dev.stormproof.arena");
      assertThat(device.serial()).isEqualTo("127.0.0.1:" + device.port());
      assertThatThrownBy(device::start).isInstanceOf(IllegalStateException.class)
          .hasMessage("VirtualDevice " + device.serial() + " was already started; create a new one");
    }
  }
}
