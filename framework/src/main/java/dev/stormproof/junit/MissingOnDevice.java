package dev.stormproof.junit;

import dev.stormproof.device.Device;
import dev.stormproof.vision.Vision;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Claims {@code Device} and {@code Vision} parameters of tests that are not under
 * {@link OnDevice}, only to fail them with the fix, instead of JUnit's "No ParameterResolver
 * registered". Registered by {@link LeakGuard} and {@link ExpectTemplate} (a class with no
 * Stormproof annotation registers no extension, so JUnit's own message stays there). It steps
 * aside wherever {@code @OnDevice} is found (method, class, superclasses, interfaces, enclosing
 * classes), so it never competes with {@code OnDeviceExtension}. Stateless.
 */
final class MissingOnDevice implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return (Device.class.isAssignableFrom(type) || type == Vision.class) && !underOnDevice(context);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Executable e = parameter.getDeclaringExecutable();
    String owner = e.getDeclaringClass().getSimpleName();
    String type = parameter.getParameter().getType().getSimpleName();
    String of = e instanceof Constructor<?> ? "constructor " + owner : owner + "." + e.getName();
    String method = context.getTestMethod().map(m -> " nor " + m.getName()).orElse("");
    throw new ParameterResolutionException("@OnDevice on [parameter " + parameter.getIndex() + " (" + type + ") of " + of
        + "]: a " + type + " is injected only under @OnDevice, but neither " + context.getRequiredTestClass().getSimpleName()
        + method + " is annotated with @OnDevice; add @OnDevice to the class or the method");
  }

  static boolean underOnDevice(ExtensionContext context) {
    if (context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, OnDevice.class)).orElse(false)) {
      return true;
    }
    for (Class<?> c = context.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
      if (annotated(c)) {
        return true;
      }
    }
    return false;
  }

  // JUnit also registers extensions declared on superclasses and implemented interfaces.
  private static boolean annotated(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      if (AnnotationSupport.isAnnotated(c, OnDevice.class)) {
        return true;
      }
      for (Class<?> i : c.getInterfaces()) {
        if (annotated(i)) {
          return true;
        }
      }
    }
    return false;
  }
}
