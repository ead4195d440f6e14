package dev.stormproof.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.stormproof.device.Device;
import dev.stormproof.device.virtual.VirtualDeviceOptions;
import dev.stormproof.testing.RecordingSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/** Through the real Launcher: the ServiceLoader-registered session listener owns the run's devices. */
class LauncherSessionTest {

  static final List<String> serials = new CopyOnWriteArrayList<>();

  @OnDevice
  static class Two {
    @Test
    void a(Device d) {
      serials.add(d.serial());
    }

    @Test
    void b(Device d) {
      serials.add(d.serial());
    }
  }

  @Test
  void one_session_starts_the_devices_once_labels_tests_and_closes_everything_at_its_end() {
    serials.clear();
    RecordingSink.registered().clear();
    RunResources resources;
    try (LauncherSession session = LauncherFactory.openSession()) {
      resources = (RunResources) session.getStore().get(Namespace.create(RunResources.NAMESPACE_PART_1, RunResources.NAMESPACE_PART_2), RunResources.KEY);
      assertThat(resources).as("registered by StormproofSessionListener").isNotNull();
      assertThat(resources.started()).isFalse();
      for (int run = 0; run < 2; run++) {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        session.getLauncher().execute(LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(Two.class))
            .configurationParameter("stormproof.device", "virtual")
            .configurationParameter("stormproof.virtual.size", "100x200")
            .configurationParameter("stormproof.virtual.latency.fast", "true")
            .build(), summary);
        assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(2);
      }
      assertThat(resources.started()).isTrue();
    }
    assertThat(serials).hasSize(4).containsOnly(serials.get(0));
    assertThat(RecordingSink.registered().labels).contains("device=" + serials.get(0), "device.model=" + VirtualDeviceOptions.DEFAULT_MODEL);
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("stormproof-"));
  }
}
