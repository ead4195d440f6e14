package dev.stormproof.tasks;

import java.lang.reflect.Method;

/**
 * Starts named threads: virtual where the JVM has them (Java 21+, found by reflection because
 * Stormproof compiles for Java 17 and cannot name {@code Thread.ofVirtual()}), platform daemon
 * threads otherwise. Stateless and thread-safe.
 */
final class Threads {

  private static final Method OF_VIRTUAL;
  private static final Method BUILDER_NAME;
  private static final Method BUILDER_UNSTARTED;

  static {
    Method of = null;
    Method name = null;
    Method unstarted = null;
    try {
      of = Thread.class.getMethod("ofVirtual");
      Class<?> builder = Class.forName("java.lang.Thread$Builder");
      name = builder.getMethod("name", String.class);
      unstarted = builder.getMethod("unstarted", Runnable.class);
    } catch (ReflectiveOperationException | LinkageError e) {
      of = null; // Java 17-20: no virtual threads, platform threads it is.
    }
    OF_VIRTUAL = of;
    BUILDER_NAME = name;
    BUILDER_UNSTARTED = unstarted;
  }

  private Threads() {}

  /** True when this JVM offers virtual threads. */
  public static boolean virtualAvailable() {
    return OF_VIRTUAL != null;
  }

  /**
   * An unstarted thread named {@code name} running {@code body}: virtual when {@code preferVirtual}
   * and available, else a platform daemon thread.
   */
  public static Thread unstarted(String name, Runnable body, boolean preferVirtual) {
    if (preferVirtual && OF_VIRTUAL != null) {
      try {
        Object builder = BUILDER_NAME.invoke(OF_VIRTUAL.invoke(null), name);
        return (Thread) BUILDER_UNSTARTED.invoke(builder, body);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Thread.ofVirtual() is present but failed for '" + name
            + "': " + e + "; set stormproof.tasks.virtualThreads=false", e);
      }
    }
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    return t;
  }
}
