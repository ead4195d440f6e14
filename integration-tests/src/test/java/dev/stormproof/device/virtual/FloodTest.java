package dev.stormproof.device.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dadb.Dadb;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The virtual device defends itself like a real daemon. A flood of {@value #FLOOD} sockets that
 * connect and say nothing, stall inside a header, or claim a 1 MiB payload and stall, cannot lock
 * out a normal dadb client, whether the flood comes from another local address (127.0.0.2; all
 * of 127/8 is loopback on Linux) or from the client's own 127.0.0.1: a peer holds at most its
 * budget of unfinished handshakes (the oldest is dropped for a newcomer), and the held ones are
 * cut when their handshake or message deadline passes.
 */
class FloodTest {

  static final int FLOOD = 1200;
  static final int BUDGET = 16;

  @org.junit.jupiter.params.ParameterizedTest(name = "flood from {0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"127.0.0.2", "127.0.0.1"})
  void a_flood_of_idle_and_stalled_sockets_locks_nobody_out(String from) throws Exception {
    Defense defense = new Defense(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO, BUDGET);
    List<Socket> flood = new ArrayList<>();
    try (VirtualDevice device = new VirtualDevice(VirtualDeviceOptions.defaults().withSize(new dev.stormproof.device.Size(200, 400))
        .withLatency(LatencyModel.fast()).withDefense(defense)).start()) {
      try {
        for (int i = 0; i < FLOOD; i++) {
          flood.add(floodSocket(from, device.port(), i % 3));
        }
        // The flood holds at most its budget (dropped ones may still be leaving the device).
        await().atMost(Duration.ofSeconds(30)).until(() -> device.connectionCount() <= BUDGET);
        try (Dadb dadb = Dadb.create("127.0.0.1", device.port())) {
          assertThat(dadb.shell("echo still here").getOutput()).isEqualTo("still here\n");
        }
        // Held sockets are cut at their deadline (1 s here), none outlives it for long.
        await().atMost(Duration.ofSeconds(30)).until(() -> device.connectionCount() == 0);
      } finally {
        for (Socket s : flood) {
          s.close();
        }
      }
    }
  }

  /** kind 0: silent; 1: half a header; 2: a CNXN header claiming a 1 MiB payload, 100 bytes of it. */
  private static Socket floodSocket(String from, int port, int kind) throws IOException {
    Socket s = new Socket();
    s.bind(new InetSocketAddress(from, 0));
    try {
      s.connect(new InetSocketAddress("127.0.0.1", port));
      OutputStream out = s.getOutputStream();
      if (kind == 1) {
        out.write(header(AdbMessage.A_CNXN, 0), 0, 10);
      } else if (kind == 2) {
        out.write(header(AdbMessage.A_CNXN, AdbMessage.MAX_PAYLOAD));
        out.write(new byte[100]);
      }
      out.flush();
    } catch (IOException refused) {
      // The device dropped this socket for a newer one: that is the defense working.
    }
    return s;
  }

  private static byte[] header(int command, int length) {
    return ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putInt(command)
        .putInt(AdbMessage.VERSION).putInt(AdbMessage.MAX_PAYLOAD).putInt(length).putInt(0)
        .putInt(~command).array();
  }

  @Test
  void an_idle_transport_and_a_stalled_message_are_closed_at_their_deadlines() throws Exception {
    Defense defense = new Defense(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(1), BUDGET);
    try (VirtualDevice device = new VirtualDevice(VirtualDeviceOptions.defaults()
        .withSize(new dev.stormproof.device.Size(200, 400)).withDefense(defense)).start();
        RawAdbClient idle = RawAdbClient.connected(device.port());
        RawAdbClient stalled = RawAdbClient.connected(device.port())) {
      assertThat(stalled.run("exec:echo works")).isEqualTo("works\n");
      stalled.sendRaw(java.util.Arrays.copyOf(header(AdbMessage.A_OPEN, 20), 24)); // no payload
      // Both reads end because the device closed the connection, not because of a client timeout.
      assertThat(idle.read()).isNull();
      assertThat(stalled.read()).isNull();
      await().atMost(Duration.ofSeconds(30)).until(() -> device.connectionCount() == 0);
    }
  }

  @Test
  void a_header_claiming_a_megabyte_costs_only_the_bytes_that_arrived() {
    byte[] claim = new byte[24 + 100];
    System.arraycopy(header(AdbMessage.A_CNXN, AdbMessage.MAX_PAYLOAD), 0, claim, 0, 24);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    assertThatThrownBy(() -> AdbMessage.read(new ByteArrayInputStream(claim), AdbMessage.MAX_PAYLOAD))
        .isInstanceOf(AdbMessage.AdbProtocolException.class)
        .hasMessage("connection ended inside the 1048576-byte payload of CNXN");
    // Allocation, not time: a 1 MiB buffer up front would show as more than 1048576 bytes here.
    assertThat(threads.getThreadAllocatedBytes(id) - before).isLessThan(256 * 1024);
  }
}
