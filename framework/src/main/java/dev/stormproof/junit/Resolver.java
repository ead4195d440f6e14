package dev.stormproof.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;

/**
 * One kind of value {@link OnDevice} injects (a {@code Device}; later a {@code Vision}, a
 * {@code TaskScope}). The extension asks each resolver in turn; add a resolver to inject a new type.
 */
interface Resolver {

  /** The declared type this resolver injects into parameters and fields. */
  Class<?> type();

  /** Whether a parameter or field declared as {@code declared} belongs to this resolver (it may then reject it with a message). */
  default boolean claims(Class<?> declared) {
    return type().isAssignableFrom(declared);
  }

  /** The value for the current test; called after {@link OnDeviceExtension} leased the device. */
  Object resolve(ExtensionContext context);

  /** A parameter of a method or constructor this resolver cannot serve: a message, or null if fine. */
  default String reject(ParameterContext parameter, ExtensionContext context) {
    return null;
  }
}
