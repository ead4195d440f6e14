package dev.stormproof.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.stormproof.device.Device;
import dev.stormproof.device.Point;
import dev.stormproof.device.Size;
import dev.stormproof.device.adb.AdbDevice;
import dev.stormproof.leak.Owner;
import dev.stormproof.tap.RateLimitedDevice;
import dev.stormproof.tap.TapCancelledException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

class OnDeviceTest {

  static final Map<String, Object> seen = new ConcurrentHashMap<>();
  static final List<String> threads = new CopyOnWriteArrayList<>();

  static EngineExecutionResults run(Class<?> type) {
    return run(type, Map.of());
  }

  static EngineExecutionResults run(Class<?> type, Map<String, String> extra) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameters(extra)
        .configurationParameter("stormproof.device", "virtual")
        .configurationParameter("stormproof.virtual.size", "200x400")
        .configurationParameter("stormproof.virtual.latency.fast", "true")
        .selectors(selectClass(type))
        .execute();
  }

  @OnDevice
  static class FieldAndParameter {
    Device device;

    @BeforeEach
    void before(Device d) {
      seen.put("before", d);
    }

    @Test
    void taps(Device d) {
      seen.put("field", device);
      seen.put("param", d);
      seen.put("owner", Owner.current());
      assertThat(d.screenSize()).isEqualTo(new Size(200, 400));
      d.tap(Point.of(10, 10));
    }

    @AfterEach
    void after(Device d) {
      seen.put("after", d);
    }
  }

  @Test
  void injects_the_same_leased_rate_limited_device_everywhere_and_releases_it() {
    seen.clear();
    run(FieldAndParameter.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    assertThat(seen.get("param")).isInstanceOf(RateLimitedDevice.class)
        .isSameAs(seen.get("field")).isSameAs(seen.get("before")).isSameAs(seen.get("after"));
    assertThat((String) seen.get("owner")).contains("[method:taps(dev.stormproof.device.Device)]");
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("stormproof-"));
  }

  static final List<CompletableFuture<Void>> queued = new CopyOnWriteArrayList<>();

  @OnDevice
  static class LeavesTapsQueued {
    @Test
    void queuesMoreThanItWaitsFor(Device device) {
      RateLimitedDevice limited = (RateLimitedDevice) device;
      for (int i = 0; i < 20; i++) {
        queued.add(limited.tapAsync(Point.of(i, 1)));
      }
    }
  }

  @Test
  void taps_still_queued_when_the_test_ends_are_cancelled() {
    queued.clear();
    run(LeavesTapsQueued.class, Map.of("stormproof.tap.rate", "0.5", "stormproof.tap.burst", "1"))
        .testEvents().assertStatistics(s -> s.succeeded(1));
    assertThat(queued).hasSize(20).allMatch(CompletableFuture::isDone);
    long cancelled = queued.stream().filter(f -> f.isCompletedExceptionally()).count();
    assertThat(cancelled).isGreaterThanOrEqualTo(18);
    assertThatThrownBy(() -> queued.get(19).join()).isInstanceOf(TapCancelledException.class)
        .hasMessageContaining("was cancelled: its owner [engine:junit-jupiter]/[class:dev.stormproof.junit.OnDeviceTest$LeavesTapsQueued]");
  }

  @OnDevice
  @org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class)
  static class ClosesItsHandle {
    @Test
    void a(Device d) {
      d.close();
    }

    @Test
    void b(Device d) {
      d.tap(Point.of(3, 3));
      seen.put("b", d.shell("echo ok").stdout());
    }
  }

  @Test
  void closing_the_injected_handle_does_not_close_the_pooled_device() {
    seen.clear();
    run(ClosesItsHandle.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
    assertThat(seen.get("b")).isEqualTo("ok\n");
  }

  static volatile dev.stormproof.device.virtual.VirtualDevice embedded;

  @OnDevice
  static class AsyncTapFails {
    @org.junit.jupiter.api.extension.RegisterExtension
    static final org.junit.jupiter.api.extension.BeforeEachCallback FIND_DEVICE =
        context -> embedded = OnDeviceExtension.runtime(context).resources(dev.stormproof.device.virtual.VirtualDevice.class).get(0);

    @Test
    void queuesATapThatIsLost(Device device) {
      device.screenSize();
      embedded.faults().dropConnectionAfter(0);
      CompletableFuture<Void> f = ((RateLimitedDevice) device).tapAsync(Point.of(4, 4));
      f.exceptionally(e -> null).join();
    }
  }

  @Test
  void an_async_tap_failure_fails_the_test_at_its_end() {
    run(AsyncTapFails.class).testEvents().assertThatEvents().haveExactly(1, event(test("queuesATapThatIsLost"),
        finishedWithFailure(instanceOf(dev.stormproof.device.DeviceException.class), message(m -> m.startsWith(
            "1 tap(s) this test queued with tapAsync failed on " + embedded.serial() + "; the first: " + embedded.serial()
                + ": connection lost during tap (4, 4)") && m.endsWith("; use the blocking tap() to handle a failure where it happens")))));
  }

  static class MethodLevel {
    @Test
    @OnDevice
    void onlyThis(Device d) {
      seen.put("method", d.serial());
    }
  }

  @Test
  void works_on_a_single_method() {
    seen.clear();
    run(MethodLevel.class).testEvents().assertStatistics(s -> s.succeeded(1));
    assertThat((String) seen.get("method")).startsWith("127.0.0.1:");
  }

  @OnDevice
  static class StaticField {
    static Device device;

    @Test
    void t() { }
  }

  @OnDevice
  static class FinalField {
    final Device device = null;

    @Test
    void t() { }
  }

  @Test
  void static_and_final_device_fields_fail_the_class_early() {
    run(StaticField.class).containerEvents().assertThatEvents().haveExactly(1, event(container(StaticField.class),
        finishedWithFailure(instanceOf(ExtensionConfigurationException.class), message(
            "@OnDevice on [field StaticField.device]: a Device field must be a non-static, non-final instance field, but it is static; "
                + "remove static (each test leases its own device and Stormproof assigns the field before each test)"))));
    run(FinalField.class).containerEvents().assertThatEvents().haveExactly(1, event(container(FinalField.class),
        finishedWithFailure(instanceOf(ExtensionConfigurationException.class), message(
            "@OnDevice on [field FinalField.device]: a Device field must be a non-static, non-final instance field, but it is final; "
                + "remove final (each test leases its own device and Stormproof assigns the field before each test)"))));
  }

  @OnDevice
  @org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
  @org.junit.jupiter.api.parallel.Execution(org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT)
  static class SharedInstanceField {
    Device device;

    @Test
    void t() { }
  }

  @Test
  void a_device_field_on_a_shared_instance_under_parallel_execution_fails() {
    // JUnit runs PER_CLASS classes in one thread unless they ask for @Execution(CONCURRENT).
    run(SharedInstanceField.class, Map.of("junit.jupiter.execution.parallel.enabled", "true"))
        .testEvents().assertThatEvents().haveExactly(1, event(test("t"),
            finishedWithFailure(instanceOf(ExtensionConfigurationException.class), message(
                "@OnDevice on [field SharedInstanceField.device]: a Device field needs its own test instance per test, but "
                    + "SharedInstanceField uses @TestInstance(PER_CLASS) and runs tests concurrently, so parallel tests would "
                    + "overwrite it; take the Device as a test method parameter, or annotate the class with @Execution(SAME_THREAD)"))));
    run(SharedInstanceField.class).testEvents().assertStatistics(s -> s.succeeded(1));
  }

  @OnDevice
  static class BeforeAllParameter {
    @BeforeAll
    static void setUp(Device d) { }

    @Test
    void t() { }
  }

  @OnDevice
  static class ConstructorParameter {
    ConstructorParameter(Device d) { }

    @Test
    void t() { }
  }

  @OnDevice
  static class SubtypeParameter {
    @Test
    void t(AdbDevice d) { }
  }

  static class WithoutAnnotation {
    @Test
    void t(Device d) { }
  }

  @Test
  void device_parameters_where_no_lease_exists_fail_with_the_fix() {
    run(BeforeAllParameter.class).containerEvents().assertThatEvents().haveExactly(1, event(container(BeforeAllParameter.class),
        finishedWithFailure(instanceOf(ParameterResolutionException.class), message(
            "@OnDevice on [parameter 0 (Device) of BeforeAllParameter.setUp]: a Device is leased per test, but setUp is @BeforeAll, "
                + "which runs once per class; take the Device as a parameter of a @BeforeEach, @Test or @AfterEach method"))));
    run(ConstructorParameter.class).testEvents().assertThatEvents().haveExactly(1, event(test("t"),
        finishedWithFailure(instanceOf(ParameterResolutionException.class), message(
            "@OnDevice on [parameter 0 (Device) of constructor ConstructorParameter]: a Device is leased per test, but this is a "
                + "constructor parameter; take the Device as a parameter of a @BeforeEach or @Test method, or in an instance field"))));
    run(SubtypeParameter.class).testEvents().assertThatEvents().haveExactly(1, event(test("t"),
        finishedWithFailure(instanceOf(ParameterResolutionException.class), message(
            "@OnDevice on [parameter 0 (AdbDevice) of SubtypeParameter.t]: injected values are declared as Device, but this "
                + "parameter is AdbDevice; declare it as Device"))));
    run(WithoutAnnotation.class).testEvents().assertThatEvents().haveExactly(1, event(test("t"),
        finishedWithFailure(instanceOf(ParameterResolutionException.class), message(m -> m.startsWith(
            "No ParameterResolver registered for parameter [dev.stormproof.device.Device ")))));
  }
}
