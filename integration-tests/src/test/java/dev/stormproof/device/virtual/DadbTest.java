package dev.stormproof.device.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dadb.AdbShellResponse;
import dadb.AdbStream;
import dadb.Dadb;
import dadb.adbserver.AdbServer;
import dev.stormproof.testing.CountingApp;
import dev.stormproof.testing.TestAdbServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** dadb 1.2.10, directly and through a private adb server, against the virtual device. */
class DadbTest {

  private VirtualDevice device;
  private CountingApp app;

  @BeforeEach
  void start() {
    app = new CountingApp();
    device = new VirtualDevice(VirtualDeviceOptions.defaults().withApp(app).withLatency(LatencyModel.fast())).start();
  }

  @AfterEach
  void stop() {
    device.close();
  }

  @Test
  void directShellGivesOutputAndExitCode() throws Exception {
    try (Dadb dadb = Dadb.create("127.0.0.1", device.port())) {
      AdbShellResponse echo = dadb.shell("echo 'hello world'");
      assertThat(echo.getOutput()).isEqualTo("hello world\n");
      assertThat(echo.getExitCode()).isZero();
      AdbShellResponse missing = dadb.shell("nosuch");
      assertThat(missing.getExitCode()).isEqualTo(127);
      assertThat(missing.getErrorOutput()).isEqualTo("/system/bin/sh: nosuch: inaccessible or not found\n");
      assertThat(dadb.shell("getprop ro.product.model").getOutput()).isEqualTo("Stormproof_Virtual\n");
      assertThat(dadb.shell("false").getExitCode()).isEqualTo(1);
    }
  }

  @Test
  void sixteenThreadsShareOneConnection() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try (Dadb dadb = Dadb.create("127.0.0.1", device.port())) {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          List<String> out = new ArrayList<>();
          for (int i = 0; i < 10; i++) {
            AdbShellResponse r = dadb.shell("echo t" + thread + "-" + i + " && exit " + i);
            out.add(r.getOutput().trim() + "/" + r.getExitCode());
          }
          return out;
        }));
      }
      for (int t = 0; t < 16; t++) {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          expected.add("t" + t + "-" + i + "/" + i);
        }
        assertThat(results.get(t).get(60, TimeUnit.SECONDS)).containsExactlyElementsOf(expected);
      }
      assertThat(device.connectionCount()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void rawInputEventStreamProducesTapsAndSwipes() throws Exception {
    TouchEvents events = new TouchEvents()
        .tap(100, 200)
        .down(0, 10, 10).syn().move(0, 300, 900).syn().up(0).syn()          // a swipe
        .down(0, 500, 500).down(1, 600, 700).syn().up(1).syn().up(0).syn()  // two fingers: two taps
        .tap(1079, 2399);
    try (Dadb dadb = Dadb.create("127.0.0.1", device.port())) {
      try (AdbStream stream = dadb.open("exec:cat > /dev/input/event2")) {
        stream.getSink().write(events.bytes());
        stream.getSink().flush();
        await().atMost(Duration.ofSeconds(10)).until(() -> device.tapLog().count() == 4);
      }
    }
    assertThat(device.tapLog().snapshot()).extracting(t -> t.x() + "," + t.y() + "," + t.source())
        .containsExactly("100,200,RAW", "600,700,RAW", "500,500,RAW", "1079,2399,RAW");
    assertThat(app.events()).contains("swipe 10 10 300 900");
  }

  @Test
  void throughTheAdbServer() throws Exception {
    try (TestAdbServer adb = new TestAdbServer()) {
      assertThat(adb.connect(device.serial())).contains("connected to " + device.serial());
      try (Dadb dadb = AdbServer.createDadb("127.0.0.1", adb.port, "host:transport:" + device.serial())) {
        AdbShellResponse r = dadb.shell("wm size && exit 3");
        assertThat(r.getOutput()).isEqualTo("Physical size: 1080x2400\n");
        assertThat(r.getExitCode()).isEqualTo(3);
        try (AdbStream stream = dadb.open("exec:cat > /dev/input/event2")) {
          stream.getSink().write(new TouchEvents().tap(5, 6).bytes());
          stream.getSink().flush();
          await().atMost(Duration.ofSeconds(10)).until(() -> device.tapLog().count() == 1);
        }
      }
    }
    assertThat(device.tapLog().snapshot()).extracting(t -> t.x() + "," + t.y()).containsExactly("5,6");
  }
}
