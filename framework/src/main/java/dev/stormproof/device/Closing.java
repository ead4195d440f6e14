package dev.stormproof.device;

/**
 * Closes several resources in order, all of them even when some fail: the first failure is
 * thrown with the later ones suppressed, as try-with-resources does for one resource.
 */
final class Closing {

  private Closing() {}

  static void closeAll(Iterable<? extends AutoCloseable> resources) {
    RuntimeException first = null;
    for (AutoCloseable c : resources) {
      try {
        c.close();
      } catch (Exception e) {
        RuntimeException r = e instanceof RuntimeException re ? re : new IllegalStateException("closing " + c + " failed", e);
        if (first == null) {
          first = r;
        } else {
          first.addSuppressed(r);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
