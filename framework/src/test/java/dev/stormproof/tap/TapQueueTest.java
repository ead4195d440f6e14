package dev.stormproof.tap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.stormproof.device.DeviceLostException;
import dev.stormproof.device.Point;
import dev.stormproof.leak.Owner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TapQueueTest {

  private final FakeClock clock = new FakeClock();

  private static TapOptions opts(double rate, int burst) {
    return TapOptions.defaults().withRate(rate).withBurst(burst);
  }

  @Test
  void taps_are_spaced_by_the_rate() throws Exception {
    List<Long> at = new ArrayList<>();
    try (TapQueue q = new TapQueue("d", opts(10, 1), p -> at.add(clock.millis()), clock)) {
      List<CompletableFuture<Void>> all = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        all.add(q.submit(Point.of(i, 0)));
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
    }
    List<Long> expected = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      expected.add(i * 100L);
    }
    assertThat(at).isEqualTo(expected);
  }

  @Test
  void a_burst_goes_back_to_back_then_the_rate_applies() throws Exception {
    List<Long> at = new ArrayList<>();
    try (TapQueue q = new TapQueue("d", opts(10, 5), p -> at.add(clock.millis()), clock)) {
      List<CompletableFuture<Void>> all = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        all.add(q.submit(Point.of(i, 0)));
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
    }
    assertThat(at).containsExactly(0L, 0L, 0L, 0L, 0L, 100L, 200L, 300L);
  }

  @Test
  void taps_are_delivered_in_submission_order() throws Exception {
    List<Point> got = new ArrayList<>();
    List<Point> sent = new ArrayList<>();
    try (TapQueue q = new TapQueue("d", opts(1000, 3), got::add, clock)) {
      CompletableFuture<Void> last = null;
      for (int i = 0; i < 200; i++) {
        Point p = Point.of(i % 17, i);
        sent.add(p);
        last = q.submit(p);
      }
      last.get();
    }
    assertThat(got).isEqualTo(sent);
  }

  @Test
  void a_full_queue_rejects_with_a_clear_message() throws Exception {
    CountDownLatch delivering = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    TapOptions o = opts(20, 1).withCapacity(2).withOverflow(TapOptions.Overflow.REJECT);
    try (TapQueue q = new TapQueue("emulator-1", o, p -> { delivering.countDown(); release.await(); }, clock)) {
      CompletableFuture<Void> first = q.submit(Point.of(1, 1));
      delivering.await();
      q.submit(Point.of(2, 2));
      q.submit(Point.of(3, 3));
      assertThatThrownBy(() -> q.submit(Point.of(4, 4)))
          .isInstanceOf(TapRejectedException.class)
          .hasMessage("tap queue of emulator-1 is full (2 taps waiting at 20.0 taps/s); the tap at (4, 4) was rejected: "
              + "lower the tap rate of the test, or raise stormproof.tap.capacity, or set stormproof.tap.overflow=block");
      release.countDown();
      first.get();
      assertThat(q.metrics().rejected()).isEqualTo(1);
    }
  }

  @Test
  void a_full_queue_blocks_the_producer_until_there_is_room() throws Exception {
    CountDownLatch delivering = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    TapOptions o = opts(20, 1).withCapacity(1).withOfferTimeout(Duration.ofMinutes(1));
    ConcurrentLinkedQueue<Point> delivered = new ConcurrentLinkedQueue<>();
    try (TapQueue q = new TapQueue("d", o, p -> { delivering.countDown(); release.await(); delivered.add(p); }, clock)) {
      q.submit(Point.of(1, 1));
      delivering.await();
      q.submit(Point.of(2, 2));
      AtomicReference<CompletableFuture<Void>> third = new AtomicReference<>();
      Thread producer = new Thread(() -> third.set(q.submit(Point.of(3, 3))), "producer");
      producer.start();
      await().until(() -> producer.getState() == Thread.State.TIMED_WAITING);
      assertThat(third.get()).isNull();
      release.countDown();
      producer.join();
      third.get().get();
    }
    assertThat(delivered).containsExactly(Point.of(1, 1), Point.of(2, 2), Point.of(3, 3));
  }

  @Test
  void a_blocked_producer_gives_up_after_the_offer_timeout() throws Exception {
    CountDownLatch delivering = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    TapOptions o = opts(20, 1).withCapacity(1).withOfferTimeout(Duration.ofMillis(30));
    try (TapQueue q = new TapQueue("d", o, p -> { delivering.countDown(); release.await(); }, clock)) {
      q.submit(Point.of(1, 1));
      delivering.await();
      q.submit(Point.of(2, 2));
      assertThatThrownBy(() -> q.submit(Point.of(3, 3)))
          .isInstanceOf(TapRejectedException.class)
          .hasMessage("tap queue of d stayed full (1 taps waiting at 20.0 taps/s) for 30 ms; the tap at (3, 3) was rejected: "
              + "lower the tap rate of the test, or raise stormproof.tap.capacity or stormproof.tap.offerTimeout");
      release.countDown();
    }
  }

  @Test
  void cancelling_an_owner_drops_only_its_queued_taps() throws Exception {
    CountDownLatch delivering = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ConcurrentLinkedQueue<Point> delivered = new ConcurrentLinkedQueue<>();
    try (TapQueue q = new TapQueue("d", opts(100, 1), p -> { delivering.countDown(); release.await(); delivered.add(p); }, clock)) {
      CompletableFuture<Void> inFlight;
      List<CompletableFuture<Void>> a = new ArrayList<>();
      List<CompletableFuture<Void>> b = new ArrayList<>();
      try (Owner.Binding ignored = Owner.bind("test-A")) {
        inFlight = q.submit(Point.of(0, 0));
        delivering.await();
        a.add(q.submit(Point.of(1, 0)));
        a.add(q.submit(Point.of(2, 0)));
      }
      try (Owner.Binding ignored = Owner.bind("test-B")) {
        b.add(q.submit(Point.of(3, 0)));
      }
      // cancel drops A's queued taps at once, then waits for A's tap in flight to finish.
      CompletableFuture<Integer> cancelled = CompletableFuture.supplyAsync(() -> q.cancel("test-A"));
      await().until(() -> a.get(0).isDone() && a.get(1).isDone());
      assertThat(cancelled).isNotDone();
      release.countDown();
      assertThat(cancelled.get()).isEqualTo(2);
      assertThat(inFlight).isDone();
      b.get(0).get();
      assertThatThrownBy(() -> a.get(0).get()).isInstanceOf(TapCancelledException.class)
          .hasMessage("tap at (1, 0) on d was cancelled: its owner test-A ended before it was delivered");
      assertThat(delivered).containsExactly(Point.of(0, 0), Point.of(3, 0));
      assertThat(q.metrics().cancelled()).isEqualTo(2);
    }
  }

  @Test
  void a_fenced_owner_loses_its_queued_taps_and_only_the_allowed_thread_may_tap() throws Exception {
    CountDownLatch delivering = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ConcurrentLinkedQueue<Point> delivered = new ConcurrentLinkedQueue<>();
    try (TapQueue q = new TapQueue("d", opts(100, 1), p -> { delivering.countDown(); release.await(); delivered.add(p); }, clock);
        Owner.Binding ignored = Owner.bind("test-A")) {
      CompletableFuture<Void> inFlight = q.submit(Point.of(0, 0));
      delivering.await();
      CompletableFuture<Void> queued = q.submit(Point.of(1, 0));
      assertThat(q.fence("test-A", Thread.currentThread())).isEqualTo(1);
      assertThatThrownBy(queued::join).isInstanceOf(TapCancelledException.class)
          .hasMessage("tap at (1, 0) on d was cancelled: its owner test-A failed before it was delivered");
      CompletableFuture<Throwable> fromTask = CompletableFuture.supplyAsync(() -> {
        try (Owner.Binding task = Owner.bind("test-A")) {
          q.submit(Point.of(2, 0));
          return null;
        } catch (TapCancelledException e) {
          return e;
        }
      });
      assertThat(fromTask.get()).hasMessage("the tap at (2, 0) on d was refused: its owner test-A failed and its taps are cancelled");
      CompletableFuture<Void> cleanUp = q.submit(Point.of(3, 0)); // the test thread may still tap
      release.countDown();
      inFlight.get();
      cleanUp.get();
      q.unfence("test-A");
      assertThat(delivered).containsExactly(Point.of(0, 0), Point.of(3, 0));
    }
  }

  @Test
  void an_interrupted_thread_queues_no_tap() {
    try (TapQueue q = new TapQueue("d", opts(100, 1), p -> { }, clock)) {
      Thread.currentThread().interrupt();
      try {
        assertThatThrownBy(() -> q.submit(Point.of(4, 4))).isInstanceOf(TapCancelledException.class)
            .hasMessage("the tap at (4, 4) on d was refused: the thread " + Thread.currentThread().getName()
                + " is interrupted (its task or test was cancelled)");
      } finally {
        assertThat(Thread.interrupted()).isTrue();
      }
      assertThat(q.metrics().submitted()).isZero();
    }
  }

  @Test
  void a_failed_delivery_reaches_the_caller() {
    try (TapQueue q = new TapQueue("d", opts(100, 1), p -> { throw new DeviceLostException("d: connection lost"); }, clock)) {
      assertThatThrownBy(() -> q.tap(Point.of(5, 5))).isInstanceOf(DeviceLostException.class).hasMessage("d: connection lost");
      assertThat(q.metrics().failed()).isEqualTo(1);
      assertThat(q.metrics().delivered()).isZero();
    }
  }

  @Test
  void failures_of_async_taps_are_kept_for_their_owner_but_not_those_already_thrown() {
    try (TapQueue q = new TapQueue("d", opts(100, 1), p -> { throw new DeviceLostException("lost at " + p); }, clock)) {
      try (Owner.Binding ignored = Owner.bind("test-A")) {
        CompletableFuture<Void> f = q.submit(Point.of(1, 1));
        assertThatThrownBy(f::join).hasCauseInstanceOf(DeviceLostException.class);
        assertThatThrownBy(() -> q.tap(Point.of(2, 2))).isInstanceOf(DeviceLostException.class);
      }
      assertThat(q.takeFailures("test-A")).extracting(Throwable::getMessage).containsExactly("lost at (1, 1)");
      assertThat(q.takeFailures("test-A")).isEmpty();
      assertThat(q.metrics().failed()).isEqualTo(2);
    }
  }

  @Test
  void three_hundred_producers_lose_and_duplicate_nothing() throws Exception {
    int producers = 300;
    int each = 20;
    ConcurrentLinkedQueue<Point> delivered = new ConcurrentLinkedQueue<>();
    TapOptions o = opts(1_000_000, 10).withCapacity(64);
    try (TapQueue q = new TapQueue("d", o, delivered::add, clock)) {
      List<Thread> threads = new ArrayList<>();
      Map<Integer, Throwable> errors = new ConcurrentHashMap<>();
      CountDownLatch start = new CountDownLatch(1);
      for (int t = 0; t < producers; t++) {
        int id = t;
        Thread th = new Thread(() -> {
          try {
            start.await();
            for (int i = 0; i < each; i++) {
              q.tap(Point.of(id, i));
            }
          } catch (Throwable e) {
            errors.put(id, e);
          }
        }, "producer-" + t);
        th.start();
        threads.add(th);
      }
      start.countDown();
      for (Thread th : threads) {
        th.join();
      }
      assertThat(errors).isEmpty();
      assertThat(q.metrics().delivered()).isEqualTo((long) producers * each);
    }
    assertThat(delivered).hasSize(producers * each);
    Set<Point> distinct = new HashSet<>(delivered);
    assertThat(distinct).hasSize(producers * each);
    int[] next = new int[producers];
    for (Point p : delivered) {
      assertThat(p.y()).as("per-producer order of producer %d", p.x()).isEqualTo(next[p.x()]++);
    }
  }

  @Test
  void metrics_report_depth_wait_percentiles_and_rate() throws Exception {
    CountDownLatch delivering = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (TapQueue q = new TapQueue("d", opts(10, 1), p -> { if (p.x() == 0) { delivering.countDown(); release.await(); } }, clock)) {
      CompletableFuture<Void> last = q.submit(Point.of(0, 0));
      delivering.await();
      for (int i = 1; i < 10; i++) {
        last = q.submit(Point.of(i, 0));
      }
      assertThat(q.metrics().depth()).isEqualTo(9);
      release.countDown();
      last.get();
      TapMetrics m = q.metrics();
      assertThat(m.depth()).isZero();
      assertThat(m.delivered()).isEqualTo(10);
      assertThat(m.waitP50()).isEqualTo(Duration.ofMillis(400));
      assertThat(m.waitP99()).isEqualTo(Duration.ofMillis(900));
      assertThat(m.tapsPerSecond()).isEqualTo(10.0);
    }
  }

  @Test
  void close_cancels_queued_taps_and_joins_the_dispatcher() throws Exception {
    CountDownLatch delivering = new CountDownLatch(1);
    TapQueue q = new TapQueue("closing", opts(10, 1), p -> { delivering.countDown(); new CountDownLatch(1).await(); }, clock);
    CompletableFuture<Void> inFlight = q.submit(Point.of(0, 0));
    delivering.await();
    CompletableFuture<Void> queued = q.submit(Point.of(1, 1));
    q.close();
    assertThatThrownBy(queued::get).isInstanceOf(TapCancelledException.class);
    assertThatThrownBy(inFlight::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(InterruptedException.class);
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("stormproof-tap-closing"));
    assertThatThrownBy(() -> q.submit(Point.of(2, 2))).isInstanceOf(TapRejectedException.class)
        .hasMessage("tap queue of closing is closed; the tap at (2, 2) was rejected: the device lease ended, tap within the test that holds the device");
  }

  @Test
  void options_come_from_configuration_with_clear_errors() {
    Map<String, String> cfg = Map.of("stormproof.tap.rate", "5", "stormproof.tap.burst", "2", "stormproof.tap.capacity", "7",
        "stormproof.tap.overflow", "reject", "stormproof.tap.offerTimeout", "250ms");
    TapOptions o = TapOptions.fromConfig(k -> java.util.Optional.ofNullable(cfg.get(k)));
    assertThat(o.rate()).isEqualTo(5.0);
    assertThat(o.burst()).isEqualTo(2);
    assertThat(o.capacity()).isEqualTo(7);
    assertThat(o.overflow()).isEqualTo(TapOptions.Overflow.REJECT);
    assertThat(o.offerTimeout()).isEqualTo(Duration.ofMillis(250));
    assertThatThrownBy(() -> TapOptions.fromConfig(k -> k.equals("stormproof.tap.overflow") ? java.util.Optional.of("drop") : java.util.Optional.empty()))
        .hasMessage("stormproof.tap.overflow=drop is not one of: block, reject");
  }
}
