package dev.stormproof.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormproof.device.Size;
import dev.stormproof.device.virtual.arena.ArenaGame;
import dev.stormproof.testing.TestAdbServer;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceRuntimeTest {

  @Test
  void with_no_device_attached_the_embedded_virtual_device_starts() throws Exception {
    try (TestAdbServer empty = new TestAdbServer()) {
      Map<String, String> cfg = Map.of("stormproof.adb.servers", "127.0.0.1:" + empty.port,
          "stormproof.virtual.size", "120x240", "stormproof.virtual.latency.fast", "true", "stormproof.device.virtualCount", "2");
      try (DeviceRuntime runtime = DeviceRuntime.start(k -> Optional.ofNullable(cfg.get(k)))) {
        assertThat(runtime.options().auto()).isTrue();
        assertThat(runtime.virtualDevices()).hasSize(2);
        assertThat(runtime.pool().serials()).containsExactlyElementsOf(runtime.virtualDevices().stream().map(v -> v.serial()).toList());
        try (var lease = runtime.pool().lease("runtime-test")) {
          assertThat(lease.device().screenSize()).isEqualTo(new Size(120, 240));
        }
      }
    }
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("stormproof-"));
  }

  @Test
  void the_embedded_arena_takes_the_arena_keys_of_the_run_and_each_device_its_own_game() {
    Map<String, String> cfg = Map.of("stormproof.device", "virtual", "stormproof.device.virtualCount", "2",
        "stormproof.virtual.latency.fast", "true", "stormproof.arena.startCoins", "777", "stormproof.arena.seed", "5");
    try (DeviceRuntime runtime = DeviceRuntime.start(k -> Optional.ofNullable(cfg.get(k)))) {
      var games = runtime.virtualDevices().stream().map(v -> (ArenaGame) v.app()).toList();
      assertThat(games).hasSize(2).doesNotHaveDuplicates();
      assertThat(games).allSatisfy(g -> assertThat(g.coins()).isEqualTo(777));
      assertThat(games.get(0).dump(0)).contains("seed=5\n");
    }
  }
}
