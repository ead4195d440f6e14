package dev.stormproof.junit;

import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Owns Stormproof's run-wide resources (device pool, ADB connections, tap queues, embedded
 * virtual devices) for one launcher session: registers an empty holder when the session opens
 * (nothing starts until a test needs a device) and closes it when the session closes. Registered
 * through {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}; public
 * only because {@link java.util.ServiceLoader} requires it.
 */
public final class StormproofSessionListener implements LauncherSessionListener {

  static final Namespace NAMESPACE = Namespace.create(RunResources.NAMESPACE_PART_1, RunResources.NAMESPACE_PART_2);

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    session.getStore().put(NAMESPACE, RunResources.KEY, new RunResources());
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    Object resources = session.getStore().get(NAMESPACE, RunResources.KEY);
    if (resources instanceof RunResources r) {
      r.close();
    }
  }
}
