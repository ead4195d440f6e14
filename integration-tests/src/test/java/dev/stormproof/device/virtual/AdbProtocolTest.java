package dev.stormproof.device.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.stormproof.device.Size;
import dev.stormproof.testing.CountingApp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdbProtocolTest {

  private VirtualDevice device;

  @BeforeEach
  void start() {
    device = new VirtualDevice(VirtualDeviceOptions.defaults().withSize(new Size(64, 48)).withApp(new CountingApp())
        .withLatency(LatencyModel.fast())).start();
  }

  @AfterEach
  void stop() {
    device.close();
  }

  @Test
  void headerRoundTripsWithAndWithoutChecksum() throws Exception {
    AdbMessage m = new AdbMessage(AdbMessage.A_WRTE, 7, -3, new byte[] {1, 2, (byte) 250});
    for (boolean sum : new boolean[] {false, true}) {
      byte[] bytes = m.encode(sum);
      ByteBuffer h = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
      assertThat(h.getInt(0)).isEqualTo(AdbMessage.A_WRTE);
      assertThat(h.getInt(12)).isEqualTo(3);
      assertThat(h.getInt(16)).isEqualTo(sum ? 253 : 0);
      assertThat(h.getInt(20)).isEqualTo(~AdbMessage.A_WRTE);
      AdbMessage back = AdbMessage.read(new ByteArrayInputStream(bytes), 1024);
      assertThat(back.command()).isEqualTo(m.command());
      assertThat(back.arg0()).isEqualTo(7);
      assertThat(back.arg1()).isEqualTo(-3);
      assertThat(back.payload()).containsExactly(1, 2, (byte) 250);
    }
    assertThat(AdbMessage.read(new ByteArrayInputStream(new byte[0]), 1024)).isNull();
    assertThat(AdbMessage.commandName(AdbMessage.A_CNXN)).isEqualTo("CNXN");
  }

  @Test
  void codecRejectsBadMagicOversizeAndTruncation() {
    byte[] bad = AdbMessage.of(AdbMessage.A_OKAY, 1, 2).encode(false);
    bad[20] ^= 1;
    assertThatThrownBy(() -> AdbMessage.read(new ByteArrayInputStream(bad), 1024))
        .isInstanceOf(AdbMessage.AdbProtocolException.class)
        .hasMessage("bad magic 0xa6beb4b1 for command 0x59414b4f (OKAY): expected 0xa6beb4b0");
    byte[] big = new AdbMessage(AdbMessage.A_WRTE, 1, 2, new byte[2000]).encode(false);
    assertThatThrownBy(() -> AdbMessage.read(new ByteArrayInputStream(big), 1024))
        .hasMessage("payload length 2000 of WRTE exceeds the negotiated maximum 1024");
    byte[] cut = java.util.Arrays.copyOf(big, 30);
    assertThatThrownBy(() -> AdbMessage.read(new ByteArrayInputStream(cut), 4096))
        .hasMessage("connection ended inside the 2000-byte payload of WRTE");
    assertThatThrownBy(() -> AdbMessage.read(new ByteArrayInputStream(java.util.Arrays.copyOf(big, 10)), 4096))
        .hasMessage("connection ended inside a message header");
  }

  @Test
  void cnxnIsAnsweredWithBannerVersionAndMaxData() throws Exception {
    try (RawAdbClient c = new RawAdbClient(device.port())) {
      AdbMessage reply = c.connect(AdbMessage.VERSION, 256 * 1024);
      assertThat(reply.command()).isEqualTo(AdbMessage.A_CNXN);
      assertThat(reply.arg0()).isEqualTo(0x01000001);
      assertThat(reply.arg1()).isEqualTo(1024 * 1024);
      assertThat(reply.payloadString()).isEqualTo("device::ro.product.name=stormproof_vdev;ro.product.model=Stormproof_Virtual;"
          + "ro.product.device=vdev;features=shell_v2,cmd");
    }
  }

  @Test
  void oldProtocolPeersGetByteSumChecksums() throws Exception {
    try (RawAdbClient c = new RawAdbClient(device.port())) {
      c.sendRaw(new AdbMessage(AdbMessage.A_CNXN, 0x01000000, 4096, "host::\0".getBytes(StandardCharsets.UTF_8)).encode(true));
      byte[] header = c.socket.getInputStream().readNBytes(24);
      ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
      int length = h.getInt(12);
      byte[] payload = c.socket.getInputStream().readNBytes(length);
      assertThat(h.getInt(16)).isEqualTo(AdbMessage.checksum(payload)).isNotZero();
    }
  }

  @Test
  void badMagicClosesOnlyThatConnection() throws Exception {
    try (RawAdbClient good = RawAdbClient.connected(device.port());
        RawAdbClient bad = RawAdbClient.connected(device.port())) {
      byte[] msg = AdbMessage.of(AdbMessage.A_OKAY, 1, 2).encode(false);
      msg[23] = 0;
      bad.sendRaw(msg);
      assertThat(bad.read()).isNull();
      assertThat(good.run("shell,v2,raw:echo still here")).contains("still here");
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> device.connectionCount() == 0);
  }

  @Test
  void messagesBeforeCnxnAndOversizedPayloadsCloseTheConnection() throws Exception {
    try (RawAdbClient c = new RawAdbClient(device.port())) {
      c.send(new AdbMessage(AdbMessage.A_OPEN, 1, 0, "shell:echo\0".getBytes(StandardCharsets.UTF_8)));
      assertThat(c.read()).isNull();
    }
    try (RawAdbClient c = RawAdbClient.connected(device.port())) {
      ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
      h.putInt(AdbMessage.A_WRTE).putInt(1).putInt(1).putInt(AdbMessage.MAX_PAYLOAD + 1).putInt(0).putInt(~AdbMessage.A_WRTE);
      c.sendRaw(h.array());
      assertThat(c.read()).isNull();
    }
  }

  @Test
  void unknownServicesAreRefusedWithClse() throws Exception {
    try (RawAdbClient c = RawAdbClient.connected(device.port())) {
      assertThat(c.open(5, "sync:")).isEqualTo(-1);
      assertThat(c.open(6, "shell:")).isEqualTo(-1);
      assertThat(c.open(7, "exec:echo ok")).isPositive();
      assertThat(new String(c.readStream(7), StandardCharsets.UTF_8)).isEqualTo("ok\n");
    }
  }

  @Test
  void onlyOneWriteIsInFlightPerStreamAndPayloadsRespectMaxData() throws Exception {
    try (RawAdbClient c = new RawAdbClient(device.port())) {
      c.connect(AdbMessage.VERSION, 1000);
      assertThat(c.open(1, "exec:screencap")).isPositive();
      AdbMessage first = c.read();
      assertThat(first.command()).isEqualTo(AdbMessage.A_WRTE);
      assertThat(first.payload()).hasSize(16); // the header is written on its own
      // Without our OKAY the device must not send more on stream 1; another stream still works.
      assertThat(c.open(2, "exec:echo other")).isPositive();
      ByteArrayOutputStream other = new ByteArrayOutputStream();
      while (true) {
        AdbMessage m = c.read();
        assertThat(m.arg1()).as("message for stream 1 before its OKAY: %s", m).isEqualTo(2);
        if (m.command() == AdbMessage.A_CLSE) {
          break;
        }
        if (m.command() == AdbMessage.A_WRTE) {
          other.write(m.payload());
          c.send(AdbMessage.of(AdbMessage.A_OKAY, 2, m.arg0()));
        }
      }
      assertThat(other.toString(StandardCharsets.UTF_8)).isEqualTo("other\n");
      c.send(AdbMessage.of(AdbMessage.A_OKAY, 1, first.arg0()));
      byte[] rest = c.readStream(1);
      assertThat(16 + rest.length).isEqualTo(16 + 64 * 48 * 4);
      assertThat(c.writeSizes).allMatch(n -> n <= 1000).contains(1000);
    }
  }

  @Test
  void tinyMaxDataStillCarriesShellV2Packets() throws Exception {
    try (RawAdbClient c = new RawAdbClient(device.port())) {
      c.connect(AdbMessage.VERSION, 3);
      assertThat(c.open(1, "shell,v2,raw:echo hey")).isPositive();
      assertThat(c.readStream(1)).containsExactly(1, 4, 0, 0, 0, 'h', 'e', 'y', '\n', 3, 1, 0, 0, 0, 0);
      assertThat(c.writeSizes).allMatch(n -> n <= 3);
    }
  }

  @Test
  void shellV2FramesStdoutStderrAndExit() throws Exception {
    try (RawAdbClient c = RawAdbClient.connected(device.port())) {
      assertThat(c.open(3, "shell,v2,TERM=xterm,raw:echo out && nope")).isPositive();
      ByteBuffer b = ByteBuffer.wrap(c.readStream(3)).order(ByteOrder.LITTLE_ENDIAN);
      assertThat(packet(b)).isEqualTo("1:out\n");
      assertThat(packet(b)).isEqualTo("2:/system/bin/sh: nope: inaccessible or not found\n");
      assertThat(b.get()).isEqualTo((byte) 3);
      assertThat(b.getInt()).isEqualTo(1);
      assertThat(b.get()).isEqualTo((byte) 127);
      assertThat(b.hasRemaining()).isFalse();
    }
  }

  private static String packet(ByteBuffer b) {
    int id = b.get();
    byte[] data = new byte[b.getInt()];
    b.get(data);
    return id + ":" + new String(data, StandardCharsets.UTF_8);
  }

  @Test
  void connectionsBeyondTheLimitAreClosedAtAccept() throws Exception {
    java.util.List<RawAdbClient> open = new java.util.ArrayList<>();
    device.close(); // one peer fills the whole cap here: its budget must allow it
    device = new VirtualDevice(device.options().withDefense(new Defense(Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ZERO, VirtualDevice.MAX_CONNECTIONS))).start();
    try {
      for (int i = 0; i < VirtualDevice.MAX_CONNECTIONS; i++) {
        open.add(RawAdbClient.connected(device.port()));
      }
      try (RawAdbClient extra = new RawAdbClient(device.port())) {
        assertThat(extra.connect(AdbMessage.VERSION, 4096)).isNull();
      }
      open.remove(0).close();
      await().atMost(Duration.ofSeconds(10)).until(() -> device.connectionCount() < VirtualDevice.MAX_CONNECTIONS);
      try (RawAdbClient again = RawAdbClient.connected(device.port())) {
        assertThat(again.run("exec:echo in")).isEqualTo("in\n");
      }
    } finally {
      for (RawAdbClient c : open) {
        c.close();
      }
    }
  }

  @Test
  void closeJoinsEveryDeviceThread() throws Exception {
    RawAdbClient c = RawAdbClient.connected(device.port());
    c.open(1, "exec:cat > /dev/null"); // a stream blocked reading input
    String prefix = "stormproof-vdev-" + device.port() + "-";
    await().atMost(Duration.ofSeconds(10)).until(() -> threads(prefix) >= 3);
    device.close();
    assertThat(threads(prefix)).isZero();
    assertThat(c.read()).isNull();
    c.close();
  }

  private static long threads(String prefix) {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix) && t.isAlive()).count();
  }
}
