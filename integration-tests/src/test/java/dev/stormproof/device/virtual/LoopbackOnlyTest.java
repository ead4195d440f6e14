package dev.stormproof.device.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The virtual device has no authentication: it must never listen beyond loopback, whichever way
 * the host is given (options, configuration, IPv6 wildcard), and a started device must not answer
 * on this machine's other addresses.
 */
class LoopbackOnlyTest {

  @Test
  void wildcard_and_configured_non_loopback_hosts_are_refused() {
    assertThatThrownBy(() -> VirtualDeviceOptions.defaults().withHost("::"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Bind host '::' resolves to 0:0:0:0:0:0:0:0, which is not a loopback address");
    Map<String, String> config = Map.of("stormproof.virtual.host", "0.0.0.0");
    assertThatThrownBy(() -> VirtualDeviceOptions.fromConfig(k -> Optional.ofNullable(config.get(k))))
        .hasMessageContaining("Bind host '0.0.0.0' resolves to 0.0.0.0, which is not a loopback address");
    assertThat(VirtualDeviceOptions.defaults().withHost("::1").host()).isEqualTo("::1");
  }

  @Test
  void a_started_device_does_not_answer_on_other_addresses_of_this_machine() throws IOException {
    List<InetAddress> others = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
        .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
        .collect(Collectors.toList());
    try (VirtualDevice device = new VirtualDevice(VirtualDeviceOptions.defaults().withLatency(LatencyModel.fast())).start()) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), device.port()), 2000);
      }
      for (InetAddress other : others) {
        assertThatThrownBy(() -> {
          try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(other, device.port()), 2000);
          }
        }).as("connect to %s:%d", other.getHostAddress(), device.port()).isInstanceOf(IOException.class);
      }
    }
  }
}
