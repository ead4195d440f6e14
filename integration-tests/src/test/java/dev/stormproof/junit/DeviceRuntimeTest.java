package dev.stormproof.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormproof.device.DeviceNotFoundException;
import dev.stormproof.device.DeviceProvider;
import dev.stormproof.device.DeviceRequest;
import dev.stormproof.device.DeviceSelection;
import dev.stormproof.device.Size;
import dev.stormproof.device.adb.AdbDeviceProvider;
import dev.stormproof.device.virtual.VirtualDevice;
import dev.stormproof.device.virtual.VirtualDeviceProvider;
import dev.stormproof.device.virtual.arena.ArenaGame;
import dev.stormproof.testing.TestAdbServer;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceRuntimeTest {

  @Test
  void with_no_device_attached_the_embedded_virtual_device_starts_and_the_run_says_why() throws Exception {
    try (TestAdbServer empty = new TestAdbServer()) {
      Map<String, String> cfg = Map.of("stormproof.virtual.size", "120x240", "stormproof.virtual.latency.fast", "true",
          "stormproof.device.virtualCount", "2");
      Map<String, String> env = Map.of("ANDROID_ADB_SERVER_PORT", String.valueOf(empty.port));
      try (DeviceRuntime runtime = DeviceRuntime.start(k -> Optional.ofNullable(cfg.get(k)), env::get)) {
        List<VirtualDevice> virtual = runtime.resources(VirtualDevice.class);
        assertThat(virtual).hasSize(2);
        assertThat(runtime.pool().serials()).containsExactlyElementsOf(virtual.stream().map(VirtualDevice::serial).toList());
        assertThat(runtime.explanation()).isEqualTo("no device on adb server 127.0.0.1:" + empty.port
            + " (from ANDROID_ADB_SERVER_PORT) (it lists none); started the embedded virtual devices "
            + virtual.get(0).serial() + ", " + virtual.get(1).serial() + " (dev.stormproof.arena)");
        try (var lease = runtime.pool().lease("runtime-test")) {
          assertThat(lease.device().screenSize()).isEqualTo(new Size(120, 240));
        }
      }
    }
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("stormproof-"));
  }

  @Test
  void a_refused_adb_server_port_from_the_environment_is_named_before_the_fallback() throws Exception {
    int dead;
    try (ServerSocket s = new ServerSocket(0)) {
      dead = s.getLocalPort();
    }
    Map<String, String> cfg = Map.of("stormproof.virtual.latency.fast", "true");
    Map<String, String> env = Map.of("ANDROID_ADB_SERVER_PORT", String.valueOf(dead));
    try (DeviceRuntime runtime = DeviceRuntime.start(k -> Optional.ofNullable(cfg.get(k)), env::get)) {
      assertThat(runtime.explanation()).startsWith("no device on adb server 127.0.0.1:" + dead
          + " (from ANDROID_ADB_SERVER_PORT) (connection refused); started the embedded virtual device 127.0.0.1:");
    }
  }

  @Test
  void a_phone_on_the_adb_server_is_picked_and_the_embedded_device_not_started() throws Exception {
    try (VirtualDevice phone = new VirtualDevice(dev.stormproof.device.virtual.VirtualDeviceOptions.defaults()
            .withSize(new Size(100, 200)).withLatency(dev.stormproof.device.virtual.LatencyModel.fast())).start();
        TestAdbServer server = new TestAdbServer()) {
      server.connect(phone.serial());
      Map<String, String> env = Map.of("ANDROID_ADB_SERVER_PORT", String.valueOf(server.port));
      try (DeviceRuntime runtime = DeviceRuntime.start(k -> Optional.empty(), env::get)) {
        assertThat(runtime.resources(VirtualDevice.class)).isEmpty();
        assertThat(runtime.pool().serials()).containsExactly(phone.serial());
        assertThat(runtime.explanation()).isEqualTo(phone.serial() + " on adb server 127.0.0.1:" + server.port
            + " (from ANDROID_ADB_SERVER_PORT)");
      }
    }
  }

  @Test
  void no_phone_and_no_embedded_provider_names_both_fixes() throws Exception {
    int dead;
    try (ServerSocket s = new ServerSocket(0)) {
      dead = s.getLocalPort();
    }
    DeviceRequest request = DeviceRequest.from(k -> Optional.empty(), Map.of("ANDROID_ADB_SERVER_PORT", String.valueOf(dead))::get);
    List<DeviceProvider> onlyAdb = List.of(new AdbDeviceProvider());
    assertThatThrownBy(() -> DeviceSelection.open(onlyAdb, request))
        .isInstanceOf(DeviceNotFoundException.class)
        .hasMessage("no device on adb server 127.0.0.1:" + dead + " (from ANDROID_ADB_SERVER_PORT) (connection refused), "
            + "and no embedded virtual device is on the class path; either attach a phone (USB or 'adb connect host:port', "
            + "then check 'adb devices'; ANDROID_ADB_SERVER_PORT or stormproof.adb.servers for another adb server), "
            + "or add dev.stormproof:stormproof-virtual-device in test scope");
    DeviceRequest virtual = DeviceRequest.from(k -> Optional.ofNullable(Map.of("stormproof.device", "virtual").get(k)), k -> null);
    assertThatThrownBy(() -> DeviceSelection.open(onlyAdb, virtual))
        .hasMessage("stormproof.device=virtual, but no embedded device provider is on the class path; "
            + "add dev.stormproof:stormproof-virtual-device in test scope, or unset stormproof.device to use attached devices");
    assertThat(new VirtualDeviceProvider().kind()).isEqualTo(DeviceProvider.Kind.EMBEDDED);
  }

  @Test
  void the_embedded_arena_takes_the_arena_keys_of_the_run_and_each_device_its_own_game() {
    Map<String, String> cfg = Map.of("stormproof.device", "virtual", "stormproof.device.virtualCount", "2",
        "stormproof.virtual.latency.fast", "true", "stormproof.arena.startCoins", "777", "stormproof.arena.seed", "5");
    try (DeviceRuntime runtime = DeviceRuntime.start(k -> Optional.ofNullable(cfg.get(k)))) {
      var games = runtime.resources(VirtualDevice.class).stream().map(v -> (ArenaGame) v.app()).toList();
      assertThat(games).hasSize(2).doesNotHaveDuplicates();
      assertThat(games).allSatisfy(g -> assertThat(g.coins()).isEqualTo(777));
      assertThat(games.get(0).dump(0)).contains("seed=5\n");
    }
  }
}
