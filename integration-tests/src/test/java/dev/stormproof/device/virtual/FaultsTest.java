package dev.stormproof.device.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.stormproof.device.Size;
import dev.stormproof.testing.CountingApp;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsTest {

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
  void dropResetsTheConnectionAfterExactlyNBytesAndOnlyOnce() throws Exception {
    try (RawAdbClient c = RawAdbClient.connected(device.port())) {
      assertThat(c.open(1, "exec:cat > /dev/null")).isPositive(); // another stream on the same connection
      device.faults().dropConnectionAfter(100);
      assertThat(c.open(2, "exec:screencap")).isPositive();
      byte[] whole = c.readStream(2);
      assertThat(whole == null).as("stream ended with CLSE instead of a dropped connection").isTrue();
      assertThat(c.lastPartial.length).isEqualTo(100);
      assertThat(c.read()).isNull();
    }
    try (RawAdbClient next = RawAdbClient.connected(device.port())) {
      int id = next.open(1, "exec:screencap");
      assertThat(id).isPositive();
      assertThat(next.readStream(1).length).isEqualTo(16 + 64 * 48 * 4);
    }
  }

  @Test
  void dropLongerThanTheOutputStillDropsBeforeTheExitStatus() throws Exception {
    device.faults().dropConnectionAfter(1_000);
    try (RawAdbClient c = RawAdbClient.connected(device.port())) {
      assertThat(c.open(1, "shell,v2,raw:echo hi")).isPositive();
      assertThat(c.readStream(1)).isNull();
      assertThat(c.lastPartial).containsExactly(1, 3, 0, 0, 0, 'h', 'i', '\n');
    }
  }

  @Test
  void truncateCutsTheNextOutputAndKeepsTheExitStatus() throws Exception {
    device.faults().truncateNextOutput(5);
    try (RawAdbClient c = RawAdbClient.connected(device.port())) {
      assertThat(c.open(1, "shell,v2,raw:echo 0123456789")).isPositive();
      ByteBuffer b = ByteBuffer.wrap(c.readStream(1)).order(ByteOrder.LITTLE_ENDIAN);
      assertThat(b.get()).isEqualTo((byte) 1);
      byte[] out = new byte[b.getInt()];
      b.get(out);
      assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo("01234");
      assertThat(new byte[] {b.get(), b.get(), b.get(), b.get(), b.get(), b.get()}).containsExactly(3, 1, 0, 0, 0, 0);
      assertThat(c.run("exec:echo 0123456789")).isEqualTo("0123456789\n");
    }
  }

  @Test
  void hangHoldsCommandsUntilReleased() throws Exception {
    try (RawAdbClient c = RawAdbClient.connected(device.port())) {
      device.faults().hang();
      assertThat(c.open(1, "exec:echo first")).isPositive();
      assertThat(c.open(2, "exec:echo second")).isPositive();
      await().atMost(Duration.ofSeconds(10)).until(() -> device.faults().hungCommands() == 2);
      assertThat(device.tapLog().count()).isZero();
      device.faults().release();
      assertThat(new String(c.readStream(1), StandardCharsets.UTF_8)).isEqualTo("first\n");
      assertThat(new String(c.readStream(2), StandardCharsets.UTF_8)).isEqualTo("second\n");
      assertThat(device.faults().hungCommands()).isZero();
    }
  }

  @Test
  void closeEndsHungCommands() throws Exception {
    RawAdbClient c = RawAdbClient.connected(device.port());
    device.faults().hang();
    c.open(1, "exec:echo never");
    await().atMost(Duration.ofSeconds(10)).until(() -> device.faults().hungCommands() == 1);
    device.close();
    assertThat(device.faults().hungCommands()).isZero();
    assertThat(c.read()).isNull();
    c.close();
  }

  @Test
  void offlineClosesAndRefusesConnectionsUntilOnline() throws Exception {
    try (RawAdbClient c = RawAdbClient.connected(device.port())) {
      device.faults().goOffline();
      assertThat(c.read()).isNull();
    }
    try (RawAdbClient refused = new RawAdbClient(device.port())) {
      assertThat(refused.connect(AdbMessage.VERSION, 4096)).isNull();
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> device.connectionCount() == 0);
    device.faults().goOnline();
    try (RawAdbClient back = RawAdbClient.connected(device.port())) {
      assertThat(back.run("exec:echo back")).isEqualTo("back\n");
    }
  }

  @Test
  void slowCommandsDoNotBlockOtherStreams() throws Exception {
    device.close();
    device = new VirtualDevice(VirtualDeviceOptions.defaults().withApp(new CountingApp())
        .withLatency(LatencyModel.fast().withInputTap(Duration.ofMinutes(5)))).start();
    try (RawAdbClient c = RawAdbClient.connected(device.port())) {
      assertThat(c.open(1, "exec:input tap 10 10")).isPositive();
      assertThat(c.run("exec:echo meanwhile")).isEqualTo("meanwhile\n");
      assertThat(device.tapLog().count()).as("the slow tap was still in its latency").isZero();
    }
  }

  @Test
  void faultArgumentsAreChecked() {
    assertThatThrownBy(() -> device.faults().dropConnectionAfter(-1))
        .hasMessage("Faults.dropConnectionAfter(-1): the byte count must be >= 0");
    assertThatThrownBy(() -> device.faults().truncateNextOutput(-2))
        .hasMessage("Faults.truncateNextOutput(-2): the byte count must be >= 0");
  }
}
