package dev.stormproof.junit;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The usual JVM-only leak check, for comparison: heap used after GC (MemoryMXBean) must not grow
 * by more than 8 MiB after the first iteration. It cannot see native memory.
 */
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(HeapOnlyGuard.Extension.class)
@interface HeapOnlyGuard {

  final class Extension implements AfterEachCallback {
    private static final ExtensionContext.Namespace NS =
        ExtensionContext.Namespace.create(HeapOnlyGuard.class);

    @Override
    public void afterEach(ExtensionContext ctx) {
      System.gc();
      long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      ExtensionContext.Store store = ctx.getParent().orElseThrow().getStore(NS);
      Long baseline = store.get("baseline", Long.class);
      if (baseline == null) {
        store.put("baseline", used);
      } else if (used - baseline > 8L * 1024 * 1024) {
        throw new AssertionError("heap grew by " + (used - baseline) + " bytes");
      }
    }
  }
}
