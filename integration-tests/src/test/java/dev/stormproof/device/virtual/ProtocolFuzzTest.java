package dev.stormproof.device.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stormproof.device.Size;
import dev.stormproof.testing.CountingApp;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mutated and random host traffic with fixed seeds: the device must close or serve each bad
 * connection, keep serving good ones, and leave no thread behind.
 */
class ProtocolFuzzTest {

  private static final List<String> SERVICES = List.of("exec:screencap -p", "exec:screencap", "shell,v2,raw:getevent -p",
      "shell:echo hi", "exec:cat > /dev/input/event2", "shell,v2,raw:cat > /dev/null", "exec:input tap 3 3",
      "sync:", "framebuffer:", "", "shell,v2,TERM=xterm,raw:echo 'open", "shell:exit 300", "exec:dumpsys stormproof",
      "shell,v2:input swipe 1 1 30 30 5");

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 20261127})
  void randomTrafficNeverBreaksTheDevice(long seed) throws Exception {
    Random random = new Random(seed);
    VirtualDevice device = new VirtualDevice(VirtualDeviceOptions.defaults().withSize(new Size(32, 32))
        .withApp(new CountingApp()).withLatency(LatencyModel.fast())).start();
    String prefix = "stormproof-vdev-" + device.port() + "-";
    try {
      for (int round = 0; round < 20; round++) {
        try (Socket s = new Socket("127.0.0.1", device.port())) {
          s.setSoTimeout(20_000); // a hang shows up as a SocketTimeoutException failing the test
          try {
            s.getOutputStream().write(traffic(random));
            s.shutdownOutput();
          } catch (SocketException closedEarly) {
            // the device closed the connection on a protocol violation while we were writing
          }
          drainToEnd(s.getInputStream());
        }
        try (RawAdbClient health = RawAdbClient.connected(device.port())) {
          assertThat(health.run("exec:echo ok")).as("seed %d round %d", seed, round).isEqualTo("ok\n");
        }
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> device.connectionCount() == 0);
    } finally {
      device.close();
    }
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith(prefix) && t.isAlive());
  }

  private static void drainToEnd(InputStream in) throws Exception {
    byte[] buf = new byte[64 * 1024];
    try {
      while (in.read(buf) >= 0) {
        // responses are irrelevant; the device must end the connection after our EOF
      }
    } catch (SocketException reset) {
      // closed with RST: also an end
    }
  }

  private static byte[] traffic(Random r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (r.nextInt(10) > 0) {
      out.writeBytes(new AdbMessage(AdbMessage.A_CNXN, AdbMessage.VERSION,
          r.nextBoolean() ? 1 + r.nextInt(16) : 1 + r.nextInt(AdbMessage.MAX_PAYLOAD),
          "host::\0".getBytes(StandardCharsets.UTF_8)).encode(false));
    }
    int hostId = 1;
    for (int i = 0; i < 30; i++) {
      int kind = r.nextInt(16); // mostly well-formed, so that streams get deep before a bad message
      int deviceId = 1 + r.nextInt(8);
      byte[] payload = new byte[r.nextInt(4) == 0 ? r.nextInt(4096) : r.nextInt(48)];
      r.nextBytes(payload);
      AdbMessage m = switch (kind) {
        case 0, 1, 2, 3, 4, 5 -> new AdbMessage(AdbMessage.A_OPEN, hostId++, 0,
            (SERVICES.get(r.nextInt(SERVICES.size())) + "\0").getBytes(StandardCharsets.UTF_8));
        case 6, 7, 8, 9 -> new AdbMessage(AdbMessage.A_WRTE, r.nextInt(hostId + 1), deviceId, payload);
        case 10, 11, 12 -> AdbMessage.of(AdbMessage.A_OKAY, r.nextInt(hostId + 1), deviceId);
        case 13 -> AdbMessage.of(AdbMessage.A_CLSE, r.nextInt(hostId + 1), deviceId);
        default -> null;
      };
      if (m != null) {
        out.writeBytes(m.encode(r.nextBoolean()));
      } else if (kind == 14) {
        byte[] valid = new AdbMessage(AdbMessage.A_WRTE, 1, deviceId, payload).encode(false);
        valid[r.nextInt(valid.length)] ^= (byte) (1 << r.nextInt(8)); // one flipped bit anywhere
        out.writeBytes(valid);
      } else {
        byte[] noise = new byte[r.nextInt(64)];
        r.nextBytes(noise);
        out.writeBytes(noise);
      }
    }
    return out.toByteArray();
  }
}
