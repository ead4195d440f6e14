package dev.stormproof.junit;

import dev.stormproof.leak.Ledger;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one {@link Ledger} of a JUnit run, kept in the root context's store so every Stormproof
 * extension (leak guard, task scopes, vision) records into and reads from the same ledger.
 */
final class StormproofLedger implements AutoCloseable {

  static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(StormproofLedger.class);

  private final Ledger ledger = new Ledger();

  static Ledger of(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(StormproofLedger.class, k -> new StormproofLedger(),
            StormproofLedger.class)
        .ledger;
  }

  @Override
  public void close() {
    // Nothing native here: entries are bookkeeping; the ledger is dropped with the run.
  }
}
