package dev.stormproof.device.adb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceOptionsTest {

  @Test
  void device_options_read_configuration_and_explain_bad_values() {
    Map<String, String> cfg = Map.of("stormproof.device", "emulator-5554,R58M", "stormproof.adb.servers", "127.0.0.1:7001, localhost:7002",
        "stormproof.device.leaseTimeout", "90s", "stormproof.device.timeout", "3s", "stormproof.adb.tcpNoDelay", "false");
    DeviceOptions o = DeviceOptions.fromConfig(k -> Optional.ofNullable(cfg.get(k)), k -> k.equals("ANDROID_SERIAL") ? "ignored" : null);
    assertThat(o.serials()).containsExactly("emulator-5554", "R58M");
    assertThat(o.servers()).extracting(Object::toString).containsExactly("127.0.0.1:7001", "localhost:7002");
    assertThat(o.leaseTimeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(o.adb().timeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(o.adb().tcpNoDelay()).isFalse();
    DeviceOptions d = DeviceOptions.fromConfig(k -> Optional.empty(), k -> null);
    assertThat(d.auto()).isTrue();
    assertThat(d.servers()).extracting(Object::toString).containsExactly("127.0.0.1:5037");
    assertThat(d.adb().timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThatThrownBy(() -> DeviceOptions.fromConfig(k -> k.equals("stormproof.adb.servers") ? Optional.of("nohost") : Optional.empty(), k -> null))
        .hasMessage("stormproof.adb.servers entry 'nohost' is not host:port, for example 127.0.0.1:5037");
    assertThatThrownBy(() -> DeviceOptions.fromConfig(k -> k.equals("stormproof.device.timeout") ? Optional.of("soon") : Optional.empty(), k -> null))
        .hasMessage("stormproof.device.timeout=soon is not a duration: write it like 250ms, 10s, 2m or PT10S");
  }

  @Test
  void the_adb_server_comes_from_the_environment_as_it_does_for_adb() {
    DeviceOptions port = DeviceOptions.fromConfig(k -> Optional.empty(), Map.of("ANDROID_ADB_SERVER_PORT", "15037")::get);
    assertThat(port.servers()).extracting(Object::toString).containsExactly("127.0.0.1:15037");
    assertThat(port.serversSource()).isEqualTo("ANDROID_ADB_SERVER_PORT");
    DeviceOptions socket = DeviceOptions.fromConfig(k -> Optional.empty(),
        Map.of("ADB_SERVER_SOCKET", "tcp:10.0.2.2:5038", "ANDROID_ADB_SERVER_PORT", "15037")::get);
    assertThat(socket.servers()).extracting(Object::toString).containsExactly("10.0.2.2:5038");
    assertThat(socket.serversSource()).isEqualTo("ADB_SERVER_SOCKET");
    DeviceOptions configured = DeviceOptions.fromConfig(k -> k.equals("stormproof.adb.servers") ? Optional.of("127.0.0.1:7001") : Optional.empty(),
        Map.of("ANDROID_ADB_SERVER_PORT", "15037")::get);
    assertThat(configured.servers()).extracting(Object::toString).containsExactly("127.0.0.1:7001");
    assertThat(configured.serversSource()).isEqualTo("stormproof.adb.servers");
    assertThatThrownBy(() -> DeviceOptions.fromConfig(k -> Optional.empty(), Map.of("ANDROID_ADB_SERVER_PORT", "adb")::get))
        .hasMessage("ANDROID_ADB_SERVER_PORT=adb is not a port number (1-65535); fix or unset it");
    assertThatThrownBy(() -> DeviceOptions.fromConfig(k -> Optional.empty(), Map.of("ADB_SERVER_SOCKET", "localfilesystem:/x")::get))
        .hasMessage("ADB_SERVER_SOCKET=localfilesystem:/x is not tcp:host:port (or tcp:port); fix or unset it");
  }
}
